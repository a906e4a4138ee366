package depeche.model;

import ai.djl.ndarray.NDArray;

/**
 * A dense layer {@code y = x·Wᵀ + b} as HF's {@code nn.Linear} stores it: weight [out, in], bias [out].
 *
 * <p>The weight lives in memory transposed, [in, out] row-major, and is used through an [out, in] view of that:
 * the GEMM behind {@code linear} then multiplies by a plain row-major matrix, which this libtorch's BLAS (MKL)
 * does faster for the few rows of a decoding step. Measured on the opus-mt shape: decoding 1.12x faster at 32
 * rows (8 inputs, beam 4), no change at 4 rows, where the GEMMs are bound by streaming the weights from memory.
 * Same products, summed by another kernel: values may differ in the last bits (goldens hold).
 */
final class Linear {
    private final NDArray weight;
    private final NDArray bias;

    private Linear(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    static Linear load(WeightsView weights, int in, int out) {
        return new Linear(columnMajor(weights, "weight", out, in), weights.get("bias", out));
    }

    /**
     * The [rows, cols] tensor {@code name} of {@code weights}, stored column-major: an [rows, cols] view of a
     * row-major [cols, rows] copy of its transpose. The copy is the prepared array {@code <name>:column-major},
     * mapped from the prepared-weights cache when a previous load made it.
     */
    static NDArray columnMajor(WeightsView weights, String name, long rows, long cols) {
        try (NDArray stored = weights.prepared(name + ":column-major", new long[] {cols, rows},
                () -> weights.getCopy(name, Linear::transposedCopy, rows, cols))) {
            return stored.transpose();
        }
    }

    /** @param weight [out, in], laid out by {@link #columnMajor(WeightsView, String, long, long)} */
    static Linear of(NDArray weight, NDArray bias) {
        return new Linear(weight, bias);
    }

    NDArray forward(NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
    }

    /**
     * The transpose of {@code w}, copied to a row-major array of its own. Closes {@code w}. The prepared-weights
     * cache keeps what this returns: a change here must bump {@code PreparedWeightsFile.FORMAT}.
     */
    private static NDArray transposedCopy(NDArray w) {
        try (NDArray view = w.transpose();
             NDArray copy = view.reshape(-1)) { // a transposed view cannot be flattened in place: reshape copies
            return copy.reshape(w.getShape().get(1), w.getShape().get(0));
        } finally {
            w.close();
        }
    }
}
