package depeche.model;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.folder.ModelException;
import depeche.folder.ModelFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A HuggingFace {@code config.json} read the way transformers' {@code MarianConfig} / {@code BartConfig}
 * constructors read it (4.48 and 4.57 alike): absent keys take those classes' defaults, aliases and legacy keys
 * are converted as they convert them, and keys that do not shape the network are handed on in
 * {@link #otherKeys()} for the generation defaults, as HF keeps them as plain attributes.
 *
 * @param bosTokenId       None when the config says null; Marian has no default (MarianConfig has no such parameter)
 * @param forcedBosTokenId {@code forced_bos_token_id}, or for BART the {@code bos_token_id} when the legacy
 *                         {@code force_bos_token_to_be_generated} is true and no forced_bos_token_id is set
 * @param forcedEosTokenId the class default (BART 2, Marian 0) when absent; None when the config says null
 * @param otherKeys        config.json's keys that do not shape the network, as written (generation settings,
 *                         token ids, {@code task_specific_params}, {@code prefix}, keys unknown to depeche)
 * @param warnings         what a user should know about this config.json, one line each, naming the file
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
        Long bosTokenId,
        long decoderStartTokenId,
        Long forcedBosTokenId,
        Long forcedEosTokenId,
        Map<String, JsonNode> otherKeys,
        List<String> warnings) {

    public ModelConfig {
        otherKeys = Collections.unmodifiableMap(new LinkedHashMap<>(otherKeys));
        warnings = List.copyOf(warnings);
    }

    /** Reads {@code config.json}; every problem is a {@link ModelException} naming the file. */
    public static ModelConfig read(Path file) {
        JsonNode root = ModelFiles.readJsonObject(file);
        String type = root.path("model_type").asText("");
        Architecture arch = Architecture.forModelType(type)
                .orElseThrow(() -> new ModelException(file, "model_type '" + type + "' is not supported (supported: "
                        + Architecture.supportedTypes() + ")"));
        Defaults d = arch == Architecture.MARIAN ? Defaults.MARIAN : Defaults.BART;
        Architecture.TokenDefaults tokens = arch.tokenDefaults();
        Fields f = new Fields(file, root);
        int vocab = f.integer("vocab_size", d.vocabSize);
        // attribute_map {"hidden_size": "d_model", "num_attention_heads": "encoder_attention_heads"}: PretrainedConfig
        // sets these aliases after the class has set d_model / encoder_attention_heads, so they win.
        int dModel = f.integer("hidden_size", f.integer("d_model", d.dModel));
        int encHeads = f.integer("num_attention_heads", f.integer("encoder_attention_heads", d.heads));
        int decHeads = f.integer("decoder_attention_heads", d.heads);
        if (dModel % encHeads != 0 || dModel % decHeads != 0) {
            throw new ModelException(file, "d_model " + dModel + " is not divisible by the number of attention heads");
        }
        // BartConfig does not know share_encoder_decoder_embeddings or decoder_vocab_size: BART always shares.
        boolean share = arch != Architecture.MARIAN || f.bool("share_encoder_decoder_embeddings", true);
        // MarianConfig: decoder_vocab_size or vocab_size (so 0 and null mean vocab_size); only used unshared.
        int declaredDecoderVocab = f.integer("decoder_vocab_size", 0);
        int decoderVocab = share || declaredDecoderVocab == 0 ? vocab : declaredDecoderVocab;
        String activation = f.string("activation_function", d.activation);
        Activation.check(file, activation);
        Long bos = f.optionalId("bos_token_id", tokens.bos());
        List<String> warnings = new ArrayList<>();
        Long forcedBos = forcedBos(file, f, arch, bos, warnings);
        ConfigKeys.warnLegacySwitches(file, root, arch, warnings);
        ConfigKeys.warnChecked(file, root, warnings);
        return new ModelConfig(
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
                f.integer("pad_token_id", (int) tokens.pad()),
                f.integer("eos_token_id", (int) tokens.eos()),
                bos,
                f.integer("decoder_start_token_id", (int) tokens.decoderStart()),
                forcedBos,
                f.optionalId("forced_eos_token_id", tokens.forcedEos()),
                otherKeys(root),
                warnings);
    }

    /**
     * BartConfig's backward compatibility for BART CNN configs written before transformers 4.0
     * (configuration_bart.py, {@code if self.forced_bos_token_id is None and kwargs.get(
     * "force_bos_token_to_be_generated", False): self.forced_bos_token_id = self.bos_token_id}), which also warns.
     */
    private static Long forcedBos(Path file, Fields f, Architecture arch, Long bos, List<String> warnings) {
        Long explicit = f.optionalId("forced_bos_token_id", null);
        if (explicit != null || arch != Architecture.BART || !f.truthy("force_bos_token_to_be_generated")) {
            return explicit;
        }
        warnings.add(file + ": force_bos_token_to_be_generated (a transformers 3.x key) is read as forced_bos_token_id "
                + (bos == null ? "None (bos_token_id is null)" : bos) + ", as transformers' BartConfig reads it;"
                + " write \"forced_bos_token_id\": " + bos + " instead");
        return bos;
    }

    private static Map<String, JsonNode> otherKeys(JsonNode root) {
        Map<String, JsonNode> other = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!ConfigKeys.consumed(e.getKey())) {
                other.put(e.getKey(), e.getValue().deepCopy());
            }
        }
        return other;
    }

    /** Defaults of the HF config classes, used where config.json leaves a key out. */
    private record Defaults(int vocabSize, int dModel, int layers, int heads, int ffn, String activation) {
        static final Defaults MARIAN = new Defaults(58101, 1024, 12, 16, 4096, "gelu");
        static final Defaults BART = new Defaults(50265, 1024, 12, 16, 4096, "gelu");
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

        /** A token id: {@code fallback} when absent, None when the config says null. */
        Long optionalId(String key, Long fallback) {
            JsonNode n = root.get(key);
            if (n == null) {
                return fallback;
            }
            if (n.isNull()) {
                return null;
            }
            if (!n.isIntegralNumber()) {
                throw new ModelException(file, "'" + key + "' should be an integer, not " + n);
            }
            return n.asLong();
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

        /** Python's truth value of the key, as {@code kwargs.get(key, False)} tests it. */
        boolean truthy(String key) {
            JsonNode n = root.get(key);
            if (n == null || n.isNull()) {
                return false;
            }
            if (n.isBoolean()) {
                return n.asBoolean();
            }
            if (n.isNumber()) {
                return n.asDouble() != 0;
            }
            if (n.isTextual()) {
                return !n.asText().isEmpty();
            }
            return n.size() > 0;
        }

        String string(String key, String fallback) {
            JsonNode n = root.get(key);
            return n == null || n.isNull() ? fallback : n.asText();
        }
    }
}
