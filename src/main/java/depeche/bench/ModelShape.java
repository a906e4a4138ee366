package depeche.bench;

import depeche.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * Random-weight model folders with the exact shapes of the models depeche runs: what generation costs depends on
 * shapes only, so they time like the real models without downloading them, and HF's own {@code generate()} can be
 * timed on the very same folder. The weights are seeded: the same folder every time.
 */
public enum ModelShape {
    /** Helsinki-NLP/opus-mt-fr-en, the translator: 74.7 M parameters, 300 MB of float32. */
    OPUS_MT("opus-mt-fr-en", "300 MB", """
            {"model_type": "marian", "vocab_size": 59514, "decoder_vocab_size": 59514, "d_model": 512,
             "encoder_layers": 6, "decoder_layers": 6, "encoder_attention_heads": 8, "decoder_attention_heads": 8,
             "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048, "activation_function": "swish",
             "max_position_embeddings": 512, "scale_embedding": true, "share_encoder_decoder_embeddings": true,
             "tie_word_embeddings": true, "static_position_embeddings": true, "pad_token_id": 59513,
             "eos_token_id": 0, "bos_token_id": 0, "decoder_start_token_id": 59513, "forced_eos_token_id": 0}
            """, """
            {"bad_words_ids": [[59513]], "bos_token_id": 0, "decoder_start_token_id": 59513, "eos_token_id": 0,
             "forced_eos_token_id": 0, "max_length": 512, "num_beams": 4, "pad_token_id": 59513,
             "renormalize_logits": true}
            """),
    /**
     * sshleifer/distilbart-cnn-6-6, the summarizer: 6 encoder and 6 decoder layers of d_model 1024, 230 M
     * parameters, 920 MB of float32; beam 4, no_repeat_ngram_size 3, length_penalty 2 (its hub configs).
     */
    DISTILBART_CNN("distilbart-cnn-6-6", "920 MB", """
            {"model_type": "bart", "vocab_size": 50264, "d_model": 1024, "encoder_layers": 6, "decoder_layers": 6,
             "encoder_attention_heads": 16, "decoder_attention_heads": 16, "encoder_ffn_dim": 4096,
             "decoder_ffn_dim": 4096, "activation_function": "gelu", "max_position_embeddings": 1024,
             "scale_embedding": false, "normalize_before": false, "add_final_layer_norm": false,
             "tie_word_embeddings": true, "pad_token_id": 1, "bos_token_id": 0, "eos_token_id": 2,
             "decoder_start_token_id": 2, "forced_bos_token_id": 0, "forced_eos_token_id": 2}
            """, """
            {"bos_token_id": 0, "decoder_start_token_id": 2, "early_stopping": true, "eos_token_id": 2,
             "forced_bos_token_id": 0, "forced_eos_token_id": 2, "length_penalty": 2.0, "max_length": 142,
             "min_length": 56, "no_repeat_ngram_size": 3, "num_beams": 4, "pad_token_id": 1}
            """);

    /** The seed of the random weights. */
    public static final long SEED = 2024;

    private final String modelName;
    private final String size;
    private final String config;
    private final String generationConfig;

    ModelShape(String modelName, String size, String config, String generationConfig) {
        this.modelName = modelName;
        this.size = size;
        this.config = config;
        this.generationConfig = generationConfig;
    }

    /** The shape named on the command line: {@code opus-mt} or {@code distilbart-cnn}. */
    public static ModelShape named(String name) {
        return Arrays.stream(values()).filter(s -> s.option().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("--shape must be opus-mt or distilbart-cnn, not '"
                        + name + "'"));
    }

    /** Its name as an option value. */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The model whose shapes these are, e.g. {@code opus-mt-fr-en}. */
    public String modelName() {
        return modelName;
    }

    /** The size of its weights file, in words. */
    public String size() {
        return size;
    }

    /** Its config.json. */
    String config() {
        return config;
    }

    /** Whether {@code dir} already holds a folder of this shape (written by {@link #createFolder}). */
    public boolean isIn(Path dir) throws IOException {
        return Files.isRegularFile(dir.resolve("model.safetensors")) && Files.isRegularFile(dir.resolve("config.json"))
                && Files.isRegularFile(dir.resolve("generation_config.json"))
                && Files.readString(dir.resolve("config.json")).equals(config);
    }

    /** Writes config.json, generation_config.json and model.safetensors into {@code dir}. */
    public Path createFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), config);
        Files.writeString(dir.resolve("generation_config.json"), generationConfig);
        ModelConfig parsed = ModelConfig.read(dir.resolve("config.json"));
        // Written under another name first: a folder interrupted while writing is never taken for a finished one.
        Path partial = dir.resolve("model.safetensors.partial");
        SafetensorsWriter.write(partial, RandomWeights.forConfig(parsed, SEED));
        Files.move(partial, dir.resolve("model.safetensors"), StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }
}
