package depeche.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Cuts a sentence that is too long for the translation model into parts that fit, at the best
 * boundaries available, so that nothing is ever truncated.
 *
 * <p>The boundaries are tried in the order of {@link ClauseBoundary}: strong punctuation, commas,
 * then incises and quotations (often short, like "(OTSC)" or « groupes terroristes »),
 * conjunctions, and only then any space between words, or as a very last resort between the
 * characters of one word. At each level the pieces between cuts are
 * packed greedily, as many consecutive pieces per part as fit, so the parts are as few and as
 * long as possible; a piece too long by itself is cut at the next levels.
 *
 * <p>Instances are immutable and thread-safe if the token counter is.
 */
public final class ClauseSplitter {

    private final int maxTokens;
    private final ToIntFunction<String> tokenCounter;

    /**
     * @param maxTokens    the most tokens the model accepts for one input, special tokens included
     * @param tokenCounter the number of tokens the model's tokenizer makes of a text, counted the
     *                     same way (e.g. {@code text -> tokenizer.encode(text).length})
     */
    public ClauseSplitter(int maxTokens, ToIntFunction<String> tokenCounter) {
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
        }
        this.maxTokens = maxTokens;
        this.tokenCounter = tokenCounter;
    }

    /**
     * Splits {@code sentence}, which must not start or end with whitespace (as the segmenter's and
     * {@link FrenchNormalizer}'s results never do).
     *
     * @throws IllegalArgumentException when even one character is over the limit
     */
    public ClauseSplit split(String sentence) {
        if (sentence.isEmpty() || Spaces.skipForward(sentence, 0, 1) != 0
                || Spaces.skipBackward(sentence, 0, sentence.length()) != sentence.length()) {
            throw new IllegalArgumentException("not a trimmed sentence: '" + sentence + "'");
        }
        int sentenceTokens = tokenCounter.applyAsInt(sentence);
        if (sentenceTokens <= maxTokens) {
            return new ClauseSplit(sentence, List.of(sentence), List.of(), sentenceTokens, maxTokens, Optional.empty());
        }
        Cutting cutting = new Cutting(sentence);
        List<int[]> ranges = cutting.fit(0, sentence.length(), 0);
        List<String> parts = new ArrayList<>();
        List<String> separators = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            if (i > 0) {
                separators.add(sentence.substring(ranges.get(i - 1)[1], ranges.get(i)[0]));
            }
            parts.add(sentence.substring(ranges.get(i)[0], ranges.get(i)[1]));
        }
        return new ClauseSplit(sentence, parts, separators, sentenceTokens, maxTokens,
                Optional.of(ClauseBoundary.values()[cutting.weakestLevel]));
    }

    /** The state of one split: the text and the weakest boundary level used so far. */
    private final class Cutting {
        private final String text;
        private int weakestLevel;

        Cutting(String text) {
            this.text = text;
        }

        /** Trimmed {start, end} ranges covering the trimmed range {@code [start, end)}, each within the limit. */
        List<int[]> fit(int start, int end, int fromLevel) {
            if (fits(start, end)) {
                return List.of(new int[] {start, end});
            }
            ClauseBoundary[] levels = ClauseBoundary.values();
            for (int level = fromLevel; level < levels.length; level++) {
                List<int[]> pieces = pieces(start, end, levels[level]);
                if (pieces.size() > 1) {
                    weakestLevel = Math.max(weakestLevel, level);
                    return pack(pieces, level + 1);
                }
            }
            throw new IllegalArgumentException("cannot split '" + text.substring(start, end)
                    + "' to fit in " + maxTokens + " tokens");
        }

        /** The trimmed, non-empty pieces of {@code [start, end)} between the boundary's cuts. */
        private List<int[]> pieces(int start, int end, ClauseBoundary boundary) {
            List<int[]> pieces = new ArrayList<>();
            int from = start;
            for (int cut : boundary.cuts(text, start, end)) {
                int pieceEnd = Spaces.skipBackward(text, from, cut);
                int next = Spaces.skipForward(text, cut, end);
                if (pieceEnd > from && next < end) {
                    pieces.add(new int[] {from, pieceEnd});
                    from = next;
                }
            }
            pieces.add(new int[] {from, end});
            return pieces;
        }

        /** Consecutive pieces merged while they fit; a piece too long alone is cut further. */
        private List<int[]> pack(List<int[]> pieces, int nextLevel) {
            List<int[]> parts = new ArrayList<>();
            int[] current = pieces.get(0);
            for (int[] piece : pieces.subList(1, pieces.size())) {
                if (fits(current[0], piece[1])) {
                    current = new int[] {current[0], piece[1]};
                } else {
                    parts.addAll(fit(current[0], current[1], nextLevel));
                    current = piece;
                }
            }
            parts.addAll(fit(current[0], current[1], nextLevel));
            return parts;
        }

        private boolean fits(int start, int end) {
            return tokenCounter.applyAsInt(text.substring(start, end)) <= maxTokens;
        }
    }
}
