package depeche.generate;

import java.util.Arrays;

/**
 * The (row, token) pairs the logits processors ban at one step, gathered so that one operation sets them all
 * to -inf. Bans commute, so gathering them changes nothing against HF applying them one processor at a time.
 */
final class TokenBans {
    private final int vocab;
    private long[] flatIndices = new long[16];
    private int size;

    TokenBans(int vocab) {
        this.vocab = vocab;
    }

    void ban(int row, long token) {
        if (token < 0 || token >= vocab) {
            return; // HF ignores ids outside the vocabulary in these processors too
        }
        if (size == flatIndices.length) {
            flatIndices = Arrays.copyOf(flatIndices, size * 2);
        }
        flatIndices[size++] = (long) row * vocab + token;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long[] flatIndices() {
        return Arrays.copyOf(flatIndices, size);
    }
}
