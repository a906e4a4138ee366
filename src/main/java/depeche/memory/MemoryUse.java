package depeche.memory;

import java.util.stream.Stream;

/**
 * How the translation memory served some sentences (an article's, a run's).
 *
 * @param hits     sentences whose machine translation was reused (from the memory, or from an identical sentence
 *                 translated earlier in the same batch)
 * @param misses   sentences the model translated
 * @param reviewed sentences given a reviewer's translation instead of the model's
 */
public record MemoryUse(int hits, int misses, int reviewed) {
    public static final MemoryUse NONE = new MemoryUse(0, 0, 0);

    public MemoryUse plus(MemoryUse other) {
        return new MemoryUse(hits + other.hits, misses + other.misses, reviewed + other.reviewed);
    }

    public static MemoryUse sum(Stream<MemoryUse> uses) {
        return uses.reduce(NONE, MemoryUse::plus);
    }

    /** Sentences in all. */
    public int sentences() {
        return hits + misses + reviewed;
    }

    /** The share of sentences that did not need the model (0 when there were none). */
    public double hitRate() {
        return sentences() == 0 ? 0 : (hits + reviewed) / (double) sentences();
    }
}
