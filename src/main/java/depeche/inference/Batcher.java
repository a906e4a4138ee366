package depeche.inference;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Packs inputs of known token lengths into batches for generation. Inputs are sorted by length (longest first),
 * so each batch pads little, and a batch grows while its padded size (rows × longest) stays within the token
 * budget and its rows within the row limit. A single input longer than the budget still gets a batch of its own.
 */
public final class Batcher {
    private final int tokenBudget;
    private final int maxRows;

    /** Batches sized for generation on a CPU: big enough to amortize per-step overhead, small enough to pad little. */
    public static Batcher forGeneration() {
        return new Batcher(2048, 16);
    }

    public Batcher(int tokenBudget, int maxRows) {
        if (tokenBudget < 1 || maxRows < 1) {
            throw new IllegalArgumentException("token budget and row limit must be positive");
        }
        this.tokenBudget = tokenBudget;
        this.maxRows = maxRows;
    }

    /** @return batches of indices into {@code lengths}; every index appears exactly once */
    public List<List<Integer>> batches(int[] lengths) {
        List<Integer> order = IntStream.range(0, lengths.length).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -lengths[i]).thenComparingInt(i -> i))
                .toList();
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        int longest = 0;
        for (int index : order) {
            int rows = current.size() + 1;
            int padded = rows * Math.max(longest, lengths[index]);
            if (!current.isEmpty() && (rows > maxRows || padded > tokenBudget)) {
                batches.add(current);
                current = new ArrayList<>();
                longest = 0;
            }
            current.add(index);
            longest = Math.max(longest, lengths[index]);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
