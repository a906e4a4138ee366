package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.SparseFormat;

/**
 * The input side of an encoder or decoder: token embedding times {@code sqrt(d_model)} when
 * {@code scale_embedding}, plus positions, then {@code layernorm_embedding} where the architecture has one.
 */
final class Embeddings {
    private final NDArray tokens;
    private final float scale;
    private final PositionalEmbedding positions;
    private final LayerNorm layerNorm;

    private Embeddings(NDArray tokens, float scale, PositionalEmbedding positions, LayerNorm layerNorm) {
        this.tokens = tokens;
        this.scale = scale;
        this.positions = positions;
        this.layerNorm = layerNorm;
    }

    /** @param weights the encoder's or decoder's view ({@code model.encoder} / {@code model.decoder}) */
    static Embeddings load(WeightsView weights, NDArray tokenTable, ModelConfig c, NDManager manager) {
        float scale = c.scaleEmbedding() ? (float) Math.sqrt(c.dModel()) : 1f;
        LayerNorm norm = c.architecture().layerNormEmbedding()
                ? LayerNorm.load(weights.pp("layernorm_embedding"), c.dModel())
                : null;
        return new Embeddings(tokenTable, scale, PositionalEmbedding.load(weights.pp("embed_positions"), c, manager),
                norm);
    }

    int maxPositions() {
        return positions.maxPositions();
    }

    /** Embeds ids [rows, T] standing at positions {@code past..past+T-1}; gives [rows, T, d_model]. */
    NDArray forward(NDArray ids, long past) {
        NDArray embedded = ai.djl.nn.core.Embedding.embedding(ids, tokens, SparseFormat.DENSE).singletonOrThrow();
        if (scale != 1f) {
            embedded = embedded.mul(scale);
        }
        NDArray h = embedded.add(positions.forward(ids.getManager(), past, ids.getShape().get(1)));
        return layerNorm == null ? h : layerNorm.forward(h);
    }
}
