package depeche.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every parameter of HF's {@code GenerationConfig} (the union of transformers 4.48 and 4.57:
 * {@code generation/configuration_utils.py}, {@code GenerationConfig.__init__}) with its default and what depeche
 * does with it. A generation setting depeche cannot follow is never dropped silently: when it is not at its default,
 * the reader warns.
 */
final class GenerationKeys {
    /** What a parameter means for depeche's output ids. */
    enum Use {
        /** depeche implements it as HF does. */
        READ,
        /** Changes speed, caching or what generate() returns besides the ids; never the ids. */
        NO_EFFECT,
        /** Acts only together with another key (do_sample, num_beam_groups, penalty_alpha) that is warned about. */
        DEPENDENT,
        /** Changes the ids when not at its default; depeche warns and generates without it. */
        UNSUPPORTED,
        /** Bookkeeping; HF leaves it out when it compares two generation configs. */
        METADATA
    }

    /**
     * @param effect for {@link Use#UNSUPPORTED}: what transformers would do with it
     */
    record Key(String name, JsonNode defaultValue, Use use, String effect) {
    }

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Map<String, Key> ALL = new LinkedHashMap<>();

    /**
     * The generation parameters {@code PretrainedConfig} itself holds with these same defaults
     * ({@code _get_global_generation_defaults}); HF's legacy check for "non-default generation parameters in the
     * model config" looks at these only.
     */
    static final List<String> MODEL_CONFIG_PARAMETERS = List.of("max_length", "min_length", "do_sample",
            "early_stopping", "num_beams", "num_beam_groups", "diversity_penalty", "temperature", "top_k", "top_p",
            "typical_p", "repetition_penalty", "length_penalty", "no_repeat_ngram_size",
            "encoder_no_repeat_ngram_size", "bad_words_ids", "num_return_sequences", "output_scores",
            "return_dict_in_generate", "forced_bos_token_id", "forced_eos_token_id", "remove_invalid_values",
            "exponential_decay_length_penalty", "suppress_tokens", "begin_suppress_tokens");

    static {
        read("max_length", F.numberNode(20));
        read("max_new_tokens", F.nullNode());
        read("min_length", F.numberNode(0));
        read("min_new_tokens", F.nullNode());
        read("early_stopping", F.booleanNode(false));
        unsupported("max_time", F.nullNode(), "stop generating after this many seconds");
        unsupported("stop_strings", F.nullNode(), "stop at these strings");
        unsupported("do_sample", F.booleanNode(false), "sample tokens instead of searching");
        read("num_beams", F.numberNode(1));
        unsupported("num_beam_groups", F.numberNode(1), "run diverse (group) beam search");
        unsupported("penalty_alpha", F.nullNode(), "run contrastive search");
        unsupported("dola_layers", F.nullNode(), "run DoLa decoding");
        noEffect("use_cache", F.booleanNode(true));
        noEffect("cache_implementation", F.nullNode());
        noEffect("cache_config", F.nullNode());
        noEffect("return_legacy_cache", F.nullNode());
        noEffect("prefill_chunk_size", F.nullNode());
        dependent("temperature", F.numberNode(1.0));
        dependent("top_k", F.numberNode(50));
        dependent("top_p", F.numberNode(1.0));
        dependent("min_p", F.nullNode());
        dependent("typical_p", F.numberNode(1.0));
        dependent("epsilon_cutoff", F.numberNode(0.0));
        dependent("eta_cutoff", F.numberNode(0.0));
        dependent("diversity_penalty", F.numberNode(0.0));
        unsupported("repetition_penalty", F.numberNode(1.0), "penalize tokens already generated");
        unsupported("encoder_repetition_penalty", F.numberNode(1.0), "favour tokens of the input");
        read("length_penalty", F.numberNode(1.0));
        read("no_repeat_ngram_size", F.numberNode(0));
        read("bad_words_ids", F.nullNode());
        unsupported("force_words_ids", F.nullNode(), "force these words into the output");
        read("renormalize_logits", F.booleanNode(false));
        unsupported("constraints", F.nullNode(), "run constrained beam search");
        read("forced_bos_token_id", F.nullNode());
        read("forced_eos_token_id", F.nullNode());
        unsupported("remove_invalid_values", F.booleanNode(false), "replace -inf and nan scores by finite ones");
        unsupported("exponential_decay_length_penalty", F.nullNode(), "raise the eos score after a start length");
        unsupported("suppress_tokens", F.nullNode(), "never generate these tokens");
        unsupported("begin_suppress_tokens", F.nullNode(), "not generate these tokens first");
        unsupported("forced_decoder_ids", F.nullNode(), "refuse to run (4.48) or ignore it (4.57)");
        unsupported("sequence_bias", F.nullNode(), "bias the scores of these sequences");
        unsupported("token_healing", F.booleanNode(false), "heal the prompt's last tokens");
        unsupported("guidance_scale", F.nullNode(), "apply classifier-free guidance");
        noEffect("low_memory", F.nullNode());
        unsupported("watermarking_config", F.nullNode(), "watermark the output");
        read("num_return_sequences", F.numberNode(1));
        noEffect("output_attentions", F.booleanNode(false));
        noEffect("output_hidden_states", F.booleanNode(false));
        noEffect("output_scores", F.booleanNode(false));
        noEffect("output_logits", F.nullNode());
        noEffect("return_dict_in_generate", F.booleanNode(false));
        read("pad_token_id", F.nullNode());
        read("bos_token_id", F.nullNode());
        read("eos_token_id", F.nullNode());
        unsupported("encoder_no_repeat_ngram_size", F.numberNode(0), "ban n-grams of the input");
        read("decoder_start_token_id", F.nullNode());
        // Assisted and prompt-lookup decoding verify every token with the model itself: same ids, other speed.
        noEffect("num_assistant_tokens", F.numberNode(20));
        noEffect("num_assistant_tokens_schedule", F.textNode("constant"));
        noEffect("assistant_confidence_threshold", F.numberNode(0.4));
        noEffect("prompt_lookup_num_tokens", F.nullNode());
        noEffect("max_matching_ngram_size", F.nullNode());
        noEffect("assistant_early_exit", F.nullNode());
        noEffect("assistant_lookbehind", F.numberNode(10));
        noEffect("target_lookbehind", F.numberNode(10));
        noEffect("disable_compile", F.booleanNode(false));
        unsupported("generation_kwargs", F.objectNode(), "pass these on to generate()");
        metadata("compile_config");
        metadata("_from_model_config");
        metadata("_commit_hash");
        metadata("_original_object_hash");
        metadata("transformers_version");
    }

    private GenerationKeys() {
    }

    static Map<String, Key> all() {
        return Collections.unmodifiableMap(ALL);
    }

    static boolean known(String name) {
        return ALL.containsKey(name);
    }

    static Key get(String name) {
        return ALL.get(name);
    }

    /** The value in effect: {@code value} unless it is absent or null, else HF's default. */
    static JsonNode effective(String name, JsonNode value) {
        return value == null || value.isNull() ? ALL.get(name).defaultValue() : value;
    }

    /** Python's {@code ==} on two JSON values: numbers by value ({@code 2 == 2.0}), lists element by element. */
    static boolean pythonEquals(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!pythonEquals(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static void read(String name, JsonNode defaultValue) {
        ALL.put(name, new Key(name, defaultValue, Use.READ, ""));
    }

    private static void noEffect(String name, JsonNode defaultValue) {
        ALL.put(name, new Key(name, defaultValue, Use.NO_EFFECT, ""));
    }

    private static void dependent(String name, JsonNode defaultValue) {
        ALL.put(name, new Key(name, defaultValue, Use.DEPENDENT, ""));
    }

    private static void unsupported(String name, JsonNode defaultValue, String effect) {
        ALL.put(name, new Key(name, defaultValue, Use.UNSUPPORTED, effect));
    }

    private static void metadata(String name) {
        ALL.put(name, new Key(name, F.nullNode(), Use.METADATA, ""));
    }
}
