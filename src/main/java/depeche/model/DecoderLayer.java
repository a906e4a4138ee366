package depeche.model;

import ai.djl.ndarray.NDArray;
import java.util.function.UnaryOperator;

/**
 * One post-LayerNorm decoder layer: causal self-attention over the cached and new positions, cross-attention
 * on the encoder output, then the feed-forward block, each followed by residual + norm.
 */
final class DecoderLayer {
    private final Attention selfAttn;
    private final LayerNorm selfAttnLayerNorm;
    private final Attention encoderAttn;
    private final LayerNorm encoderAttnLayerNorm;
    private final Linear fc1;
    private final Linear fc2;
    private final LayerNorm finalLayerNorm;
    private final UnaryOperator<NDArray> activation;

    private DecoderLayer(Attention selfAttn, LayerNorm selfAttnLayerNorm, Attention encoderAttn,
                         LayerNorm encoderAttnLayerNorm, Linear fc1, Linear fc2, LayerNorm finalLayerNorm,
                         UnaryOperator<NDArray> activation) {
        this.selfAttn = selfAttn;
        this.selfAttnLayerNorm = selfAttnLayerNorm;
        this.encoderAttn = encoderAttn;
        this.encoderAttnLayerNorm = encoderAttnLayerNorm;
        this.fc1 = fc1;
        this.fc2 = fc2;
        this.finalLayerNorm = finalLayerNorm;
        this.activation = activation;
    }

    static DecoderLayer load(WeightsView w, ModelConfig c) {
        int d = c.dModel();
        return new DecoderLayer(
                Attention.load(w.pp("self_attn"), d, c.decoderAttentionHeads()),
                LayerNorm.load(w.pp("self_attn_layer_norm"), d),
                Attention.load(w.pp("encoder_attn"), d, c.decoderAttentionHeads()),
                LayerNorm.load(w.pp("encoder_attn_layer_norm"), d),
                Linear.load(w.pp("fc1"), d, c.decoderFfnDim()),
                Linear.load(w.pp("fc2"), c.decoderFfnDim(), d),
                LayerNorm.load(w.pp("final_layer_norm"), d),
                Activation.named(c.activationFunction()));
    }

    /** Cross-attention keys and values of the encoder output, computed once per input. */
    LayerCache.Cross crossCache(NDArray encoderOut) {
        return new LayerCache.Cross(encoderAttn.keys(encoderOut), encoderAttn.values(encoderOut));
    }

    /**
     * Runs the layer on new positions {@code h} [rows, T, d], appending their keys/values to {@code cache}.
     *
     * @param causalMask additive [T, past+T] mask hiding later positions, or null when T is 1
     * @param crossMask  additive [inputs, 1, 1, S] mask hiding encoder padding
     */
    NDArray forward(NDArray h, LayerCache cache, NDArray causalMask, NDArray crossMask) {
        cache.append(selfAttn.keys(h), selfAttn.values(h));
        h = selfAttnLayerNorm.forward(h.add(selfAttn.forward(h, cache.selfKeys(), cache.selfValues(), causalMask)));
        LayerCache.Cross cross = cache.cross();
        NDArray crossed = encoderAttn.forwardGrouped(h, cross.keys(), cross.values(), crossMask, cache.group());
        h = encoderAttnLayerNorm.forward(h.add(crossed));
        return finalLayerNorm.forward(h.add(fc2.forward(activation.apply(fc1.forward(h)))));
    }
}
