package depeche.model;

import depeche.folder.ModelException;
import ai.djl.ndarray.NDArray;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The activation functions HF's {@code ACT2FN} offers by name, as DJL operations. */
public final class Activation {

    private static final Map<String, UnaryOperator<NDArray>> BY_NAME = Map.ofEntries(
            Map.entry("gelu", ai.djl.nn.Activation::gelu),
            Map.entry("gelu_new", Activation::geluTanh),
            Map.entry("gelu_fast", Activation::geluTanh),
            Map.entry("gelu_pytorch_tanh", Activation::geluTanh),
            Map.entry("quick_gelu", x -> x.mul(ai.djl.nn.Activation.sigmoid(x.mul(1.702f)))),
            Map.entry("relu", ai.djl.nn.Activation::relu),
            Map.entry("relu6", ai.djl.nn.Activation::relu6),
            Map.entry("silu", Activation::silu),
            Map.entry("swish", Activation::silu),
            Map.entry("mish", ai.djl.nn.Activation::mish),
            Map.entry("tanh", ai.djl.nn.Activation::tanh),
            Map.entry("sigmoid", ai.djl.nn.Activation::sigmoid),
            Map.entry("linear", x -> x));

    private Activation() {
    }

    /** The function named {@code name}; {@link #check} has vetted the name when the config was read. */
    public static UnaryOperator<NDArray> named(String name) {
        return BY_NAME.get(name);
    }

    static void check(Path configFile, String name) {
        if (!BY_NAME.containsKey(name)) {
            throw new ModelException(configFile, "activation_function '" + name + "' is not supported (supported: "
                    + String.join(", ", new java.util.TreeSet<>(BY_NAME.keySet())) + ")");
        }
    }

    private static NDArray silu(NDArray x) {
        return x.mul(ai.djl.nn.Activation.sigmoid(x));
    }

    /** GELU with the tanh approximation: 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
    private static NDArray geluTanh(NDArray x) {
        NDArray inner = x.add(x.pow(3).mul(0.044715f)).mul((float) Math.sqrt(2.0 / Math.PI));
        return x.mul(0.5f).mul(inner.tanh().add(1f));
    }
}
