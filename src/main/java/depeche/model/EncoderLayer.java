package depeche.model;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/** One post-LayerNorm encoder layer: self-attention, then the feed-forward block, each with residual + norm. */
final class EncoderLayer {
    private final Attention selfAttn;
    private final LayerNorm selfAttnLayerNorm;
    private final Linear fc1;
    private final Linear fc2;
    private final LayerNorm finalLayerNorm;
    private final UnaryOperator<NDArray> activation;

    private EncoderLayer(Attention selfAttn, LayerNorm selfAttnLayerNorm, Linear fc1, Linear fc2,
                         LayerNorm finalLayerNorm, UnaryOperator<NDArray> activation) {
        this.selfAttn = selfAttn;
        this.selfAttnLayerNorm = selfAttnLayerNorm;
        this.fc1 = fc1;
        this.fc2 = fc2;
        this.finalLayerNorm = finalLayerNorm;
        this.activation = activation;
    }

    static EncoderLayer load(WeightsView w, ModelConfig c) {
        int d = c.dModel();
        return new EncoderLayer(
                Attention.load(w.pp("self_attn"), d, c.encoderAttentionHeads()),
                LayerNorm.load(w.pp("self_attn_layer_norm"), d),
                Linear.load(w.pp("fc1"), d, c.encoderFfnDim()),
                Linear.load(w.pp("fc2"), c.encoderFfnDim(), d),
                LayerNorm.load(w.pp("final_layer_norm"), d),
                Activation.named(c.activationFunction()));
    }

    /** @param mask additive padding mask [rows, 1, 1, S] */
    NDArray forward(NDArray h, NDArray mask) {
        NDArray attended = selfAttn.forward(h, selfAttn.keys(h), selfAttn.values(h), mask);
        h = selfAttnLayerNorm.forward(h.add(attended));
        return finalLayerNorm.forward(h.add(fc2.forward(activation.apply(fc1.forward(h)))));
    }
}
