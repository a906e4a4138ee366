package depeche.model;

import ai.djl.ndarray.NDArray;

/**
 * Multi-head attention with the {@code q_proj k_proj v_proj out_proj} layers of HF's BART/Marian attention:
 * scores = (q·head_dim^-0.5)·kᵀ plus an additive mask (0 or float32.min), softmax, weighted sum of v.
 * Keys and values are kept split into heads, [rows, heads, length, head_dim], so a cache can grow along length.
 */
final class Attention {
    private final Linear qProj;
    private final Linear kProj;
    private final Linear vProj;
    private final Linear outProj;
    private final int heads;
    private final int headDim;
    private final float scaling;

    private Attention(Linear qProj, Linear kProj, Linear vProj, Linear outProj, int heads, int dModel) {
        this.qProj = qProj;
        this.kProj = kProj;
        this.vProj = vProj;
        this.outProj = outProj;
        this.heads = heads;
        this.headDim = dModel / heads;
        this.scaling = (float) Math.pow(headDim, -0.5);
    }

    static Attention load(WeightsView weights, int dModel, int heads) {
        return new Attention(
                Linear.load(weights.pp("q_proj"), dModel, dModel),
                Linear.load(weights.pp("k_proj"), dModel, dModel),
                Linear.load(weights.pp("v_proj"), dModel, dModel),
                Linear.load(weights.pp("out_proj"), dModel, dModel),
                heads,
                dModel);
    }

    /** Keys of {@code source} [rows, length, d_model], split into heads. */
    NDArray keys(NDArray source) {
        return splitHeads(kProj.forward(source));
    }

    /** Values of {@code source} [rows, length, d_model], split into heads. */
    NDArray values(NDArray source) {
        return splitHeads(vProj.forward(source));
    }

    /**
     * Attends from {@code x} [rows, T, d_model] to the given keys and values [rows, heads, S, head_dim].
     *
     * @param mask additive, broadcastable to [rows, heads, T, S]; null when every key is visible
     */
    NDArray forward(NDArray x, NDArray keys, NDArray values, NDArray mask) {
        NDArray q = splitHeads(qProj.forward(x).mul(scaling));
        NDArray scores = q.matMul(keys.transpose(0, 1, 3, 2));
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray context = scores.softmax(-1).matMul(values);
        long rows = x.getShape().get(0);
        long length = x.getShape().get(1);
        return outProj.forward(context.transpose(0, 2, 1, 3).reshape(rows, length, (long) heads * headDim));
    }

    /**
     * Attention where consecutive groups of {@code group} rows share one set of keys and values (the beams of one
     * input attending to its encoder output). The group's rows become query positions of a single row, which
     * gives the same numbers as repeating the keys per beam without copying them.
     *
     * @param keys   [rows / group, heads, S, head_dim]
     * @param mask   additive, broadcastable to [rows / group, heads, group·T, S]
     */
    NDArray forwardGrouped(NDArray x, NDArray keys, NDArray values, NDArray mask, int group) {
        if (group == 1) {
            return forward(x, keys, values, mask);
        }
        long rows = x.getShape().get(0);
        long length = x.getShape().get(1);
        long d = x.getShape().get(2);
        NDArray out = forward(x.reshape(rows / group, group * length, d), keys, values, mask);
        return out.reshape(rows, length, d);
    }

    private NDArray splitHeads(NDArray x) {
        return x.reshape(x.getShape().get(0), x.getShape().get(1), heads, headDim).transpose(0, 2, 1, 3);
    }
}
