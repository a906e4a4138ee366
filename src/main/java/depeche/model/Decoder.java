package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** The decoder stack ({@code model.decoder}): embeddings, then {@code decoder_layers} layers with caches. */
final class Decoder {
    private final Embeddings embeddings;
    private final List<DecoderLayer> layers;

    private Decoder(Embeddings embeddings, List<DecoderLayer> layers) {
        this.embeddings = embeddings;
        this.layers = layers;
    }

    static Decoder load(WeightsView w, NDArray tokenTable, ModelConfig c, NDManager manager) {
        List<DecoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.decoderLayers(); i++) {
            layers.add(DecoderLayer.load(w.pp("layers").pp(i), c));
        }
        return new Decoder(Embeddings.load(w, tokenTable, c, manager), layers);
    }

    int maxPositions() {
        return embeddings.maxPositions();
    }

    List<LayerCache.Cross> crossCaches(NDArray encoderOut) {
        List<LayerCache.Cross> caches = new ArrayList<>(layers.size());
        for (DecoderLayer layer : layers) {
            caches.add(layer.crossCache(encoderOut));
        }
        return caches;
    }

    /** Runs new positions {@code ids} [rows, T] after the cached ones; gives hidden states [rows, T, d_model]. */
    NDArray forward(NDArray ids, DecoderState state) {
        long past = state.length();
        long length = ids.getShape().get(1);
        NDArray h = embeddings.forward(ids, past);
        NDArray causal = length > 1 ? causalMask(ids.getManager(), past, length) : null;
        for (int i = 0; i < layers.size(); i++) {
            h = layers.get(i).forward(h, state.layer(i), causal, state.crossMask());
        }
        state.advance(length);
        return h;
    }

    /** Additive [T, past+T] mask: new position i sees every cached position and new positions up to itself. */
    private static NDArray causalMask(NDManager manager, long past, long length) {
        int cols = (int) (past + length);
        float[] mask = new float[(int) length * cols];
        for (int i = 0; i < length; i++) {
            for (int j = (int) past + i + 1; j < cols; j++) {
                mask[i * cols + j] = -Float.MAX_VALUE;
            }
        }
        return manager.create(mask, new Shape(length, cols));
    }
}
