package depeche.hub;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The parameter count {@code models list} shows.
 *
 * <p>Hook: counting needs the weights reader ({@code depeche.model.weights.Checkpoints.open(dir)}),
 * which lands separately; until it is wired in here the count is unknown and shows as "?".
 */
public final class ParameterCount {
    private ParameterCount() {
    }

    /** The number of parameters of the model in {@code modelDir}, when it can be counted. */
    public static OptionalLong of(Path modelDir) {
        return OptionalLong.empty();
    }

    /** "76.4M", or "?" when unknown. */
    public static String display(OptionalLong count) {
        if (count.isEmpty()) {
            return "?";
        }
        long n = count.getAsLong();
        return n >= 1_000_000 ? String.format(Locale.ROOT, "%.1fM", n / 1e6) : Long.toString(n);
    }
}
