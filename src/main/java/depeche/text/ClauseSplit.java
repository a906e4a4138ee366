package depeche.text;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A sentence cut into parts that each fit the translation model.
 *
 * <p>{@code parts} never start or end with whitespace; {@code separators.get(i)} is the text
 * between part {@code i} and part {@code i + 1} (whitespace, possibly empty). Interleaving them
 * gives the sentence back exactly: no character is ever lost. A sentence that fits is one part.
 *
 * @param sentence       the sentence that was split
 * @param parts          the parts to translate, in order
 * @param separators     what lies between consecutive parts; one fewer than the parts
 * @param sentenceTokens the token count of the whole sentence
 * @param maxTokens      the limit each part fits in
 * @param weakest        the weakest kind of boundary that had to be used; empty when not split
 */
public record ClauseSplit(
        String sentence,
        List<String> parts,
        List<String> separators,
        int sentenceTokens,
        int maxTokens,
        Optional<ClauseBoundary> weakest) {

    public ClauseSplit {
        parts = List.copyOf(parts);
        separators = List.copyOf(separators);
        Objects.requireNonNull(weakest, "weakest");
        if (separators.size() != parts.size() - 1 || weakest.isPresent() != parts.size() > 1) {
            throw new IllegalArgumentException("inconsistent split: " + parts.size() + " parts, "
                    + separators.size() + " separators, boundary " + weakest);
        }
        // The promise that matters most: checked on every split, not only in tests.
        if (!interleave(parts, separators).equals(sentence)) {
            throw new IllegalStateException("clause split lost text of: " + sentence);
        }
    }

    /** Whether the sentence had to be cut. */
    public boolean isSplit() {
        return parts.size() > 1;
    }

    /**
     * The English sentence from the translations of the parts, in the same order, joined by
     * single spaces (the French separators are whitespace only, so nothing else is lost).
     */
    public String joinTranslations(List<String> translatedParts) {
        if (translatedParts.size() != parts.size()) {
            throw new IllegalArgumentException(
                    "expected " + parts.size() + " translated parts, got " + translatedParts.size());
        }
        return translatedParts.stream().map(String::strip).filter(t -> !t.isEmpty()).collect(Collectors.joining(" "));
    }

    /** The warning to attach to the sentence pair and the run report, when the sentence was cut. */
    public Optional<String> warning() {
        return weakest.map(boundary -> "sentence of " + sentenceTokens + " tokens exceeds the model's limit of "
                + maxTokens + ": translated in " + parts.size() + " parts split " + boundary.description());
    }

    private static String interleave(List<String> parts, List<String> separators) {
        StringBuilder text = new StringBuilder(parts.get(0));
        for (int i = 0; i < separators.size(); i++) {
            text.append(separators.get(i)).append(parts.get(i + 1));
        }
        return text.toString();
    }
}
