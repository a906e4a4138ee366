package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/** The decoder stack ({@code model.decoder}): embeddings, then {@code decoder_layers} layers with caches. */
final class Decoder {
    /**
     * Steps of at most this many positions run the layers on one thread. Each layer of a step is some 70 small
     * operations; with two threads each one wakes the second thread and waits for it, which costs more than the
     * half of a four-row product it takes over. One sentence's four beams decoded 57.0 and 56.2 target tokens/s
     * with two threads, 65.3 and 65.2 with the layers on one (the LM head keeps both: its 122 MB product
     * gains from them), opus-mt shape, `depeche bench --per-call 1,2,4,8`, 3 December; at 8 and 16 positions the
     * two settings were within the noise of that machine.
     */
    static final int ONE_THREAD_POSITIONS = 8;

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

    /**
     * Runs new positions {@code ids} [rows, T] after the cached ones; gives hidden states [rows, T, d_model]. The
     * engine's threads follow the machine's load at every step ({@link TorchRuntime#followLoad()}).
     */
    NDArray forward(NDArray ids, DecoderState state) {
        TorchRuntime.followLoad();
        long positions = ids.getShape().get(0) * ids.getShape().get(1);
        return positions <= ONE_THREAD_POSITIONS ? TorchRuntime.onOneThread(() -> layersForward(ids, state))
                : layersForward(ids, state);
    }

    private NDArray layersForward(NDArray ids, DecoderState state) {
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
