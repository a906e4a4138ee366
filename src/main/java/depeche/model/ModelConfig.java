package depeche.model;

import depeche.folder.ModelFiles;
import depeche.folder.ModelException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;

/**
 * The parts of a HuggingFace {@code config.json} that decide the network's shape and behaviour, for the
 * encoder-decoder model types depeche runs. Absent keys take the defaults of HF's {@code MarianConfig} /
 * {@code BartConfig}, so a folder means here what it means to transformers.
 */
public record ModelConfig(
        Architecture architecture,
        int vocabSize,
        int decoderVocabSize,
        int dModel,
        int encoderLayers,
        int decoderLayers,
        int encoderAttentionHeads,
        int decoderAttentionHeads,
        int encoderFfnDim,
        int decoderFfnDim,
        String activationFunction,
        int maxPositionEmbeddings,
        boolean scaleEmbedding,
        boolean tieWordEmbeddings,
        boolean shareEncoderDecoderEmbeddings,
        long padTokenId,
        long eosTokenId,
        long bosTokenId,
        long decoderStartTokenId,
        Long forcedEosTokenId) {

    /** Reads {@code config.json}; every problem is a {@link ModelException} naming the file. */
    public static ModelConfig read(Path file) {
        JsonNode root = ModelFiles.readJsonObject(file);
        String type = root.path("model_type").asText("");
        Architecture arch = Architecture.forModelType(type)
                .orElseThrow(() -> new ModelException(file, "model_type '" + type + "' is not supported (supported: "
                        + Architecture.supportedTypes() + ")"));
        Defaults d = arch == Architecture.MARIAN ? Defaults.MARIAN : Defaults.BART;
        Fields f = new Fields(file, root);
        int vocab = f.integer("vocab_size", d.vocabSize);
        int dModel = f.integer("d_model", d.dModel);
        int encHeads = f.integer("encoder_attention_heads", d.heads);
        int decHeads = f.integer("decoder_attention_heads", d.heads);
        if (dModel % encHeads != 0 || dModel % decHeads != 0) {
            throw new ModelException(file, "d_model " + dModel + " is not divisible by the number of attention heads");
        }
        boolean share = arch != Architecture.MARIAN || f.bool("share_encoder_decoder_embeddings", true);
        int decoderVocab = arch == Architecture.MARIAN && !share ? f.integer("decoder_vocab_size", vocab) : vocab;
        String activation = f.string("activation_function", d.activation);
        Activation.check(file, activation);
        ModelConfig config = new ModelConfig(
                arch,
                vocab,
                decoderVocab,
                dModel,
                f.integer("encoder_layers", d.layers),
                f.integer("decoder_layers", d.layers),
                encHeads,
                decHeads,
                f.integer("encoder_ffn_dim", d.ffn),
                f.integer("decoder_ffn_dim", d.ffn),
                activation,
                f.integer("max_position_embeddings", 1024),
                f.bool("scale_embedding", false),
                f.bool("tie_word_embeddings", true),
                share,
                f.integer("pad_token_id", d.pad),
                f.integer("eos_token_id", d.eos),
                f.integer("bos_token_id", d.bos),
                f.integer("decoder_start_token_id", d.decoderStart),
                root.has("forced_eos_token_id") && !root.get("forced_eos_token_id").isNull()
                        ? Long.valueOf(f.integer("forced_eos_token_id", d.eos))
                        : d.forcedEos);
        return config;
    }

    /** Defaults of the HF config classes, used where config.json leaves a key out. */
    private record Defaults(int vocabSize, int dModel, int layers, int heads, int ffn, String activation,
                            int pad, int eos, int bos, int decoderStart, Long forcedEos) {
        static final Defaults MARIAN = new Defaults(58101, 1024, 12, 16, 4096, "gelu", 58100, 0, 0, 58100, 0L);
        static final Defaults BART = new Defaults(50265, 1024, 12, 16, 4096, "gelu", 1, 2, 0, 2, 2L);
    }

    /** Typed access to config keys with errors that name the file and the key. */
    private record Fields(Path file, JsonNode root) {
        int integer(String key, int fallback) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.canConvertToInt()) {
                throw new ModelException(file, "'" + key + "' should be an integer, not " + n);
            }
            return n.asInt();
        }

        boolean bool(String key, boolean fallback) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isBoolean()) {
                throw new ModelException(file, "'" + key + "' should be true or false, not " + n);
            }
            return n.asBoolean();
        }

        String string(String key, String fallback) {
            JsonNode n = root.get(key);
            return n == null || n.isNull() ? fallback : n.asText();
        }
    }
}
