package depeche.hub;

import depeche.folder.ModelException;
import depeche.model.weights.Checkpoints;
import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalLong;

/** The parameter count {@code models list} shows, read from the weights' header without loading them. */
public final class ParameterCount {
    private ParameterCount() {
    }

    /** The number of parameters of the model in {@code modelDir}, when its weights can be read. */
    public static OptionalLong of(Path modelDir) {
        try {
            return OptionalLong.of(Checkpoints.summarize(modelDir).parameterCount());
        } catch (ModelException e) {
            return OptionalLong.empty(); // list reports what is missing or broken elsewhere
        }
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
