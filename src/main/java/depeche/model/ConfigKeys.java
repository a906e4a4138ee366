package depeche.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How HF's {@code MarianConfig}, {@code BartConfig} and {@code PretrainedConfig} constructors treat the keys of a
 * config.json that do not reach generation (transformers 4.48 and 4.57 alike; the table in models/README.md lists
 * them all). Keys not named here are handed on to the generation defaults, as HF keeps them as plain attributes
 * that {@code GenerationConfig.from_model_config} may pick up.
 */
final class ConfigKeys {
    /** Keys {@link ModelConfig} reads to shape the network. */
    static final Set<String> NETWORK = Set.of("model_type", "vocab_size", "decoder_vocab_size", "d_model",
            "hidden_size", "encoder_layers", "decoder_layers", "encoder_attention_heads", "num_attention_heads",
            "decoder_attention_heads", "encoder_ffn_dim", "decoder_ffn_dim", "activation_function",
            "max_position_embeddings", "scale_embedding", "tie_word_embeddings", "share_encoder_decoder_embeddings");

    /**
     * Keys HF reads or keeps that cannot change the ids of an inference run: training settings (dropout,
     * layerdrop, init), classification heads, dtype (HF loads float32 unless told otherwise), attention
     * implementation, and bookkeeping. {@code num_hidden_layers} is an attribute the modelling code never reads;
     * {@code extra_pos_embeddings} was transformers 3.x's position offset (BART's is fixed at 2 since 4.0, Marian's
     * positions are sinusoidal).
     */
    static final Set<String> INERT = Set.of("dropout", "attention_dropout", "activation_dropout",
            "encoder_layerdrop", "decoder_layerdrop", "init_std", "classifier_dropout", "classif_dropout",
            "num_labels", "_num_labels", "id2label", "label2id", "problem_type", "finetuning_task", "architectures",
            "num_hidden_layers", "output_past", "is_decoder", "add_cross_attention", "cross_attention_hidden_size",
            "chunk_size_feed_forward", "torchscript", "torch_dtype", "dtype", "use_bfloat16", "tf_legacy_loss",
            "return_dict", "tokenizer_class", "sep_token_id", "xla_device", "gradient_checkpointing",
            "_name_or_path", "name_or_path", "_commit_hash", "attn_implementation", "_attn_implementation",
            "_attn_implementation_autoset", "transformers_version", "extra_pos_embeddings");

    /**
     * transformers 3.x {@code BartConfig} switches (Marian was a BART subclass then), with what a value meant. Since
     * 4.0 the network is fixed by the model type and these are plain attributes nobody reads.
     */
    private record LegacySwitch(String key, boolean marian, boolean bart, String meaningOfOther) {
    }

    private static final List<LegacySwitch> LEGACY = List.of(
            new LegacySwitch("normalize_before", false, false, "pre-LayerNorm layers"),
            new LegacySwitch("add_final_layer_norm", false, false, "a final LayerNorm in encoder and decoder"),
            new LegacySwitch("static_position_embeddings", true, false, "the other kind of position embeddings"),
            new LegacySwitch("normalize_embedding", false, true, "the other choice of LayerNorm on the embeddings"),
            new LegacySwitch("add_bias_logits", false, false, "an extra bias on the logits"),
            new LegacySwitch("do_blenderbot_90_layernorm", false, false, "Blenderbot-90M's LayerNorm order"),
            // BART's is converted by BartConfig (see ModelConfig); MarianConfig has no such conversion.
            new LegacySwitch("force_bos_token_to_be_generated", false, true, "forcing bos as the first token"));

    /** Keys HF acts on in ways depeche does not follow, with the value that makes them harmless. */
    private static final Map<String, String> CHECKED = Map.of(
            "is_encoder_decoder", "true",
            "tie_encoder_decoder", "false",
            "pruned_heads", "{}");

    private ConfigKeys() {
    }

    /** Whether {@code key} stays with the model config rather than being handed on to the generation defaults. */
    static boolean consumed(String key) {
        return NETWORK.contains(key) || INERT.contains(key) || CHECKED.containsKey(key)
                || LEGACY.stream().anyMatch(s -> s.key().equals(key));
    }

    /** One line for each legacy switch whose value describes another network than the one HF 4.x builds. */
    static void warnLegacySwitches(Path file, JsonNode root, Architecture arch, List<String> warnings) {
        for (LegacySwitch s : LEGACY) {
            JsonNode v = root.get(s.key());
            boolean builtValue = arch == Architecture.MARIAN ? s.marian() : s.bart();
            if (v == null || !v.isBoolean() || v.asBoolean() == builtValue
                    || (arch == Architecture.BART && s.key().equals("force_bos_token_to_be_generated"))) {
                continue;
            }
            warnings.add(file + ": " + s.key() + " " + v + " is a transformers 3.x switch (" + s.meaningOfOther()
                    + ") that transformers 4.x ignores for model_type " + arch.modelType()
                    + "; depeche ignores it too, so outputs match transformers 4.x, not the network it describes");
        }
    }

    /** One line for each key whose value asks for something HF would do and depeche does not. */
    static void warnChecked(Path file, JsonNode root, List<String> warnings) {
        new TreeMap<>(CHECKED).forEach((key, harmless) -> {
            JsonNode v = root.get(key);
            if (v != null && !v.isNull() && !v.toString().equals(harmless)) {
                warnings.add(file + ": " + key + " " + v + " is not supported (transformers would "
                        + switch (key) {
                            case "is_encoder_decoder" -> "generate as if the model were decoder-only";
                            case "tie_encoder_decoder" -> "tie the encoder's weights to the decoder's";
                            default -> "try to prune these attention heads, which BART and Marian cannot";
                        } + "); depeche ignores it and runs the checkpoint's weights as an encoder-decoder");
            }
        });
    }
}
