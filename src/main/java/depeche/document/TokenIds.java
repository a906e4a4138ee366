package depeche.document;

import java.util.Arrays;
import java.util.stream.LongStream;

/**
 * Token ids a model generated, as an immutable value (records holding a bare {@code long[]} would compare
 * arrays by reference).
 */
public final class TokenIds {
    /** No ids: text that did not come from a model (a test's sample, a reviewer's correction). */
    public static final TokenIds NONE = new TokenIds(new long[0]);

    private final long[] ids;

    private TokenIds(long[] ids) {
        this.ids = ids;
    }

    public static TokenIds of(long... ids) {
        return ids.length == 0 ? NONE : new TokenIds(ids.clone());
    }

    /** The ids of several parts, one after the other. */
    public static TokenIds concat(Iterable<TokenIds> parts) {
        LongStream all = LongStream.empty();
        for (TokenIds part : parts) {
            all = LongStream.concat(all, Arrays.stream(part.ids));
        }
        return of(all.toArray());
    }

    public long[] toArray() {
        return ids.clone();
    }

    public int size() {
        return ids.length;
    }

    public boolean isEmpty() {
        return ids.length == 0;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenIds that && Arrays.equals(ids, that.ids);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(ids);
    }

    @Override
    public String toString() {
        return Arrays.toString(ids);
    }
}
