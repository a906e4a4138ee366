package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;

/** The encoder stack ({@code model.encoder}): embeddings, then {@code encoder_layers} layers. */
final class Encoder {
    private final Embeddings embeddings;
    private final List<EncoderLayer> layers;

    private Encoder(Embeddings embeddings, List<EncoderLayer> layers) {
        this.embeddings = embeddings;
        this.layers = layers;
    }

    static Encoder load(WeightsView w, NDArray tokenTable, ModelConfig c, NDManager manager) {
        List<EncoderLayer> layers = new ArrayList<>();
        for (int i = 0; i < c.encoderLayers(); i++) {
            layers.add(EncoderLayer.load(w.pp("layers").pp(i), c));
        }
        return new Encoder(Embeddings.load(w, tokenTable, c, manager), layers);
    }

    int maxPositions() {
        return embeddings.maxPositions();
    }

    /** @param mask additive padding mask [rows, 1, 1, S]; returns the last hidden state [rows, S, d_model] */
    NDArray forward(NDArray ids, NDArray mask) {
        NDArray h = embeddings.forward(ids, 0);
        for (EncoderLayer layer : layers) {
            h = layer.forward(h, mask);
        }
        return h;
    }
}
