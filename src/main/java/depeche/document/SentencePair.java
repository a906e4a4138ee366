package depeche.document;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One French sentence and its English translation.
 *
 * @param source     the French sentence as the files show it
 * @param target     its English translation
 * @param ids        the token ids the model generated for it (after the decoder start token, up to eos; the
 *                   parts' ids one after the other when it was translated in parts); {@link TokenIds#NONE} when
 *                   the text did not come from a model
 * @param confidence the model's length-normalised log-probability of the translation (beam search's sequence
 *                   score; the token-weighted mean over the parts of a split sentence); empty when the search
 *                   computed none. Comparable only between outputs of one model.
 * @param warnings   what happened to this sentence that a reviewer should know, e.g. that it was too long for
 *                   the model and translated in parts
 * @param flags      what a reviewer should check in this pair (quality checks), most severe first
 * @param origin     whether the English is the model's or a reviewer's
 */
public record SentencePair(String source, String target, TokenIds ids, OptionalDouble confidence,
                           List<String> warnings, List<Flag> flags, Origin origin) {

    public SentencePair {
        Texts.requireNonBlank(source, "source sentence");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(confidence, "confidence");
        warnings = List.copyOf(warnings);
        flags = List.copyOf(flags);
        Objects.requireNonNull(origin, "origin");
    }

    /** A machine translation, not yet checked. */
    public SentencePair(String source, String target, TokenIds ids, OptionalDouble confidence,
                        List<String> warnings) {
        this(source, target, ids, confidence, warnings, List.of(), Origin.MACHINE);
    }

    /** A pair that did not come from a model. */
    public SentencePair(String source, String target, List<String> warnings) {
        this(source, target, TokenIds.NONE, OptionalDouble.empty(), warnings);
    }

    /** A pair that did not come from a model, without warnings. */
    public SentencePair(String source, String target) {
        this(source, target, List.of());
    }

    /** The same pair with {@code flags} in place of its own. */
    public SentencePair withFlags(List<Flag> newFlags) {
        return new SentencePair(source, target, ids, confidence, warnings, newFlags, origin);
    }
}
