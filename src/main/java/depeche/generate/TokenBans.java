package depeche.generate;

import java.util.Arrays;

/**
 * The (row, token) pairs the logits processors ban at one step, gathered so that one operation sets them all
 * to -inf. Bans commute, so gathering them changes nothing against HF applying them one processor at a time.
 */
final class TokenBans {
    private final int vocab;
    private long[] rows = new long[16];
    private long[] tokens = new long[16];
    private int size;

    TokenBans(int vocab) {
        this.vocab = vocab;
    }

    void ban(int row, long token) {
        if (token < 0 || token >= vocab) {
            return; // HF ignores ids outside the vocabulary in these processors too
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

    long[] rows() {
        return Arrays.copyOf(rows, size);
    }

    long[] tokens() {
        return Arrays.copyOf(tokens, size);
    }
}
