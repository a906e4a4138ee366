package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/** HF's {@code nn.LayerNorm(d_model)}: eps 1e-5, biased variance, weight and bias of [d_model]. */
final class LayerNorm {
    private static final float EPS = 1e-5f;

    private final NDArray weight;
    private final NDArray bias;
    private final Shape normalizedShape;

    private LayerNorm(NDArray weight, NDArray bias) {
        this.weight = weight;
        this.bias = bias;
        this.normalizedShape = weight.getShape();
    }

    static LayerNorm load(WeightsView weights, int dim) {
        return new LayerNorm(weights.get("weight", dim), weights.get("bias", dim));
    }

    NDArray forward(NDArray x) {
        return ai.djl.nn.norm.LayerNorm.layerNorm(x, normalizedShape, weight, bias, EPS).singletonOrThrow();
    }
}
