package depeche.model;

import ai.djl.ndarray.NDArray;

/** A dense layer {@code y = x·Wᵀ + b} as HF's {@code nn.Linear} stores it: weight [out, in], bias [out]. */
final class Linear {
    private final NDArray weight;
    private final NDArray bias;

    Linear(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
    }

    static Linear load(WeightsView weights, int in, int out) {
        return new Linear(weights.get("weight", out, in), weights.get("bias", out));
    }

    NDArray forward(NDArray x) {
        return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
    }
}
