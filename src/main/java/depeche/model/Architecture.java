package depeche.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What differs between the encoder-decoder families HF implements in separate files. These are fixed by the
 * model type in HF (its legacy config keys such as {@code normalize_before} or {@code static_position_embeddings}
 * change nothing since transformers 4.0), so they are fixed here too.
 */
public enum Architecture {
    /** MarianMT: fixed sinusoidal positions, no embedding LayerNorm, post-LayerNorm layers. */
    MARIAN("marian", Positions.SINUSOIDAL, false, 0, new TokenDefaults(58100, null, 0, 58100, 0L)),
    /** BART: learned positions offset by 2, LayerNorm on the embeddings, post-LayerNorm layers. */
    BART("bart", Positions.LEARNED, true, 2, new TokenDefaults(1, 0L, 2, 2, 2L));

    /** How token positions enter the embeddings. */
    public enum Positions { SINUSOIDAL, LEARNED }

    /**
     * The special-token ids HF's config class assumes when config.json leaves them out: the defaults in the
     * signatures of {@code MarianConfig.__init__} and {@code BartConfig.__init__} (transformers 4.48 and 4.57 alike).
     * {@code MarianConfig} has no {@code bos_token_id} parameter, so Marian's is None.
     */
    public record TokenDefaults(long pad, Long bos, long eos, long decoderStart, Long forcedEos) {
    }

    private final String modelType;
    private final Positions positions;
    private final boolean layerNormEmbedding;
    private final int positionOffset;
    private final TokenDefaults tokenDefaults;

    Architecture(String modelType, Positions positions, boolean layerNormEmbedding, int positionOffset,
                 TokenDefaults tokenDefaults) {
        this.modelType = modelType;
        this.positions = positions;
        this.layerNormEmbedding = layerNormEmbedding;
        this.positionOffset = positionOffset;
        this.tokenDefaults = tokenDefaults;
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

    public TokenDefaults tokenDefaults() {
        return tokenDefaults;
    }

    public static Optional<Architecture> forModelType(String type) {
        return Arrays.stream(values()).filter(a -> a.modelType.equals(type)).findFirst();
    }

    public static String supportedTypes() {
        return Arrays.stream(values()).map(Architecture::modelType).collect(Collectors.joining(", "));
    }
}
