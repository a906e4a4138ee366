package depeche.document;

import java.util.List;
import java.util.Objects;

/**
 * One French sentence and its English translation.
 *
 * @param source   the French sentence as the files show it
 * @param target   its English translation
 * @param warnings what happened to this sentence that a reviewer should know, e.g. that it was
 *                 too long for the model and translated in parts
 */
public record SentencePair(String source, String target, List<String> warnings) {

    public SentencePair {
        Texts.requireNonBlank(source, "source sentence");
        Objects.requireNonNull(target, "target");
        warnings = List.copyOf(warnings);
    }

    public SentencePair(String source, String target) {
        this(source, target, List.of());
    }
}
