package depeche.bench;

import depeche.model.ModelConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A random-weight model folder with the exact shapes of Helsinki-NLP/opus-mt-fr-en (74.7 M parameters, 300 MB of
 * float32): what generation costs depends on shapes only, so it times like the real model without downloading it,
 * and HF's own {@code generate()} can be timed on the very same folder.
 */
public final class OpusMtShape {
    /** The seed of the random weights: the same folder every time. */
    public static final long SEED = 2024;

    static final String CONFIG = """
            {"model_type": "marian", "vocab_size": 59514, "decoder_vocab_size": 59514, "d_model": 512,
             "encoder_layers": 6, "decoder_layers": 6, "encoder_attention_heads": 8, "decoder_attention_heads": 8,
             "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048, "activation_function": "swish",
             "max_position_embeddings": 512, "scale_embedding": true, "share_encoder_decoder_embeddings": true,
             "tie_word_embeddings": true, "static_position_embeddings": true, "pad_token_id": 59513,
             "eos_token_id": 0, "bos_token_id": 0, "decoder_start_token_id": 59513, "forced_eos_token_id": 0}
            """;
    static final String GENERATION_CONFIG = """
            {"bad_words_ids": [[59513]], "bos_token_id": 0, "decoder_start_token_id": 59513, "eos_token_id": 0,
             "forced_eos_token_id": 0, "max_length": 512, "num_beams": 4, "pad_token_id": 59513,
             "renormalize_logits": true}
            """;

    private OpusMtShape() {
    }

    /** Whether {@code dir} already holds such a folder (written by {@link #createFolder}). */
    public static boolean isIn(Path dir) {
        return Files.isRegularFile(dir.resolve("model.safetensors")) && Files.isRegularFile(dir.resolve("config.json"))
                && Files.isRegularFile(dir.resolve("generation_config.json"));
    }

    /** Writes config.json, generation_config.json and model.safetensors into {@code dir}. */
    public static Path createFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), CONFIG);
        Files.writeString(dir.resolve("generation_config.json"), GENERATION_CONFIG);
        ModelConfig config = ModelConfig.read(dir.resolve("config.json"));
        // Written under another name first: a folder interrupted while writing is never taken for a finished one.
        Path partial = dir.resolve("model.safetensors.partial");
        SafetensorsWriter.write(partial, RandomWeights.forConfig(config, SEED));
        Files.move(partial, dir.resolve("model.safetensors"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return dir;
    }
}
