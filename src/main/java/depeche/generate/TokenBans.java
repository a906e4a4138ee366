package depeche.generate;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The (row, token) pairs the logits processors ban at one step, gathered so that one operation sets them all
 * to -inf. Bans commute, so gathering them changes nothing against HF applying them one processor at a time.
 * A pair banned twice (eos by min-length and as a bad word, say) is kept once.
 */
final class TokenBans {
    private final int vocab;
    private long[] rows = new long[16];
    private long[] tokens = new long[16];
    private int size;
    private final Set<Long> seen = new HashSet<>();

    TokenBans(int vocab) {
        this.vocab = vocab;
    }

    void ban(int row, long token) {
        if (token < 0 || token >= vocab) {
            return; // HF ignores ids outside the vocabulary in these processors too
        }
        if (!seen.add((long) row * vocab + token)) {
            return;
        }
        if (size == rows.length) {
            rows = Arrays.copyOf(rows, size * 2);
            tokens = Arrays.copyOf(tokens, size * 2);
        }
        rows[size] = row;
        tokens[size++] = token;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The index of every banned (row, token) of a [rows, vocab] array. */
    NDIndex index(NDManager manager) {
        return new NDIndex("{}, {}", manager.create(rows()), manager.create(tokens()));
    }

    long[] rows() {
        return Arrays.copyOf(rows, size);
    }

    long[] tokens() {
        return Arrays.copyOf(tokens, size);
    }
}
