package depeche.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between the encoder-decoder families HF implements in separate files. These are fixed by the
 * model type in HF (its legacy config keys such as {@code normalize_before} or {@code static_position_embeddings}
 * change nothing), so they are fixed here too.
 */
public enum Architecture {
    /** MarianMT: fixed sinusoidal positions, no embedding LayerNorm, post-LayerNorm layers. */
    MARIAN("marian", Positions.SINUSOIDAL, false, 0),
    /** BART: learned positions offset by 2, LayerNorm on the embeddings, post-LayerNorm layers. */
    BART("bart", Positions.LEARNED, true, 2);

    /** How token positions enter the embeddings. */
    public enum Positions { SINUSOIDAL, LEARNED }

    private final String modelType;
    private final Positions positions;
    private final boolean layerNormEmbedding;
    private final int positionOffset;

    Architecture(String modelType, Positions positions, boolean layerNormEmbedding, int positionOffset) {
        this.modelType = modelType;
        this.positions = positions;
        this.layerNormEmbedding = layerNormEmbedding;
        this.positionOffset = positionOffset;
    }

    public String modelType() {
        return modelType;
    }

    public Positions positions() {
        return positions;
    }

    public boolean layerNormEmbedding() {
        return layerNormEmbedding;
    }

    /** Rows of a learned position table that precede position 0 (BART's legacy offset). */
    public int positionOffset() {
        return positionOffset;
    }

    public static Optional<Architecture> forModelType(String type) {
        return Arrays.stream(values()).filter(a -> a.modelType.equals(type)).findFirst();
    }

    public static String supportedTypes() {
        return Arrays.stream(values()).map(Architecture::modelType).collect(Collectors.joining(", "));
    }
}
