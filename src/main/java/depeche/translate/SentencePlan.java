package depeche.translate;

import depeche.document.Flag;
import depeche.document.Origin;
import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.document.TokenIds;
import depeche.inference.Generated;
import depeche.quality.FlagKind;
import depeche.text.ClauseSplit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One French sentence and the model inputs it takes: the sentence itself, or the clause parts of a sentence
 * too long for the model.
 *
 * @param split the sentence and its parts (one part when it fits)
 */
public record SentencePlan(ClauseSplit split) {

    /** The French sentence as the files show it. */
    public String source() {
        return split.sentence();
    }

    /** The texts the model translates for this sentence, in order. */
    public List<String> inputs() {
        return split.parts();
    }

    /**
     * Takes this sentence's outputs from {@code generated}, one per {@link #inputs() input} in order (all of them,
     * even after a failed part, so the next sentence finds its own), and joins them into the sentence's
     * translation.
     *
     * @param maxLength the generation's length limit; an output that reached it may be cut short
     */
    Outcome<SentencePair> assemble(Iterator<Outcome<Generated>> generated, int maxLength) {
        List<Outcome<Generated>> parts = new ArrayList<>();
        inputs().forEach(input -> parts.add(generated.next()));
        List<String> warnings = new ArrayList<>(split.warning().stream().toList());
        // The reviewer-facing marks; the warnings stay for the run report.
        List<Flag> flags = new ArrayList<>(split.warning().map(FlagKind.SPLIT::flag).stream().toList());
        List<String> texts = new ArrayList<>();
        List<TokenIds> ids = new ArrayList<>();
        double weightedScore = 0;
        int scoredTokens = 0;
        for (int i = 0; i < parts.size(); i++) {
            String which = parts.size() > 1 ? "part " + (i + 1) + " of " + parts.size() + ": " : "";
            Outcome<Generated> part = parts.get(i).within(which);
            if (part.error().isPresent()) {
                return Outcome.failure(part.error().get());
            }
            Generated output = part.value().orElseThrow();
            texts.add(output.text());
            ids.add(TokenIds.of(output.ids()));
            weightedScore += output.score() * output.ids().length;
            scoredTokens += output.ids().length;
            // The output plus the start token filled max_length: it may have been cut short (with a forced eos).
            if (output.ids().length + 1 >= maxLength) {
                String cut = which + "the translation reached max_length (" + maxLength
                        + " tokens) and may be incomplete";
                warnings.add(cut);
                flags.add(FlagKind.CUT.flag(cut));
            }
        }
        // Greedy search computes no score (NaN): then the sentence has no confidence either.
        OptionalDouble confidence = scoredTokens > 0 && !Double.isNaN(weightedScore)
                ? OptionalDouble.of(weightedScore / scoredTokens) : OptionalDouble.empty();
        return Outcome.success(new SentencePair(source(), split.joinTranslations(texts), TokenIds.concat(ids),
                confidence, warnings, flags, Origin.MACHINE));
    }
}
