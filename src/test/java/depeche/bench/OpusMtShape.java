package depeche.bench;

import depeche.model.ModelConfig;
import depeche.model.Seq2SeqModel;
import depeche.testing.Networks;
import depeche.testing.RandomWeights;
import depeche.testing.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A random-weight model folder with the exact shapes of Helsinki-NLP/opus-mt-fr-en (74.7 M parameters). */
final class OpusMtShape {
    static final String CONFIG = """
            {"model_type": "marian", "vocab_size": 59514, "decoder_vocab_size": 59514, "d_model": 512,
             "encoder_layers": 6, "decoder_layers": 6, "encoder_attention_heads": 8, "decoder_attention_heads": 8,
             "encoder_ffn_dim": 2048, "decoder_ffn_dim": 2048, "activation_function": "swish",
             "max_position_embeddings": 512, "scale_embedding": true, "share_encoder_decoder_embeddings": true,
             "tie_word_embeddings": true, "static_position_embeddings": true, "pad_token_id": 59513,
             "eos_token_id": 0, "bos_token_id": 0, "decoder_start_token_id": 59513, "forced_eos_token_id": 0}""";
    static final String GENERATION_CONFIG = """
            {"bad_words_ids": [[59513]], "bos_token_id": 0, "decoder_start_token_id": 59513, "eos_token_id": 0,
             "forced_eos_token_id": 0, "max_length": 512, "num_beams": 4, "pad_token_id": 59513,
             "renormalize_logits": true}""";

    private OpusMtShape() {
    }

    /** Writes config.json, generation_config.json and model.safetensors into {@code dir}. */
    static Path createFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), CONFIG);
        Files.writeString(dir.resolve("generation_config.json"), GENERATION_CONFIG);
        ModelConfig config = ModelConfig.read(dir.resolve("config.json"));
        SafetensorsWriter.write(dir.resolve("model.safetensors"), RandomWeights.forConfig(config, 2024));
        return dir;
    }

    static Seq2SeqModel load(Path dir) {
        return Networks.load(dir);
    }
}
