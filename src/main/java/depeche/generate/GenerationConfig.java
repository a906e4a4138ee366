package depeche.generate;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.folder.ModelException;
import depeche.model.ModelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HF {@code generate()} settings after HF has resolved them: the parameters depeche implements, with HF's defaults,
 * and the special tokens completed as {@code generate()} completes them. A model folder's settings come from
 * {@link GenerationDefaults}; changed copies from {@link #toBuilder()}.
 *
 * @param maxLength          maximum length of the output, decoder start token included
 * @param maxNewTokens       when set, overrides {@code maxLength} as {@code maxNewTokens + 1}
 * @param minLength          eos is banned while the output (start token included) is shorter
 * @param minNewTokens       eos is banned while fewer tokens were generated
 * @param earlyStopping      when beam search stops ({@code true}, {@code false} or {@code "never"})
 * @param badWordsIds        token sequences never to generate
 * @param eosTokenIds        tokens that end a sequence; the first one is appended to beam results. Empty when the
 *                           settings name none: then, as in HF, only the length limit ends a sequence
 * @param padTokenId         {@code pad_token_id}, else the first eos (HF's fallback); null when there is neither
 */
public record GenerationConfig(
        int maxLength,
        Integer maxNewTokens,
        int minLength,
        int minNewTokens,
        int numBeams,
        int numReturnSequences,
        double lengthPenalty,
        EarlyStopping earlyStopping,
        int noRepeatNgramSize,
        List<long[]> badWordsIds,
        Long forcedBosTokenId,
        long[] forcedEosTokenIds,
        boolean renormalizeLogits,
        long decoderStartTokenId,
        long[] eosTokenIds,
        Long padTokenId) {

    /** HF's three early-stopping modes for beam search. */
    public enum EarlyStopping {
        /** Stop an input as soon as it has {@code num_beams} finished hypotheses. */
        TRUE,
        /** Stop when no running beam can beat the worst kept hypothesis at the current length. */
        FALSE,
        /** Like FALSE, but judged at {@code max_length} (the canonical beam search). */
        NEVER
    }

    /** The settings {@code generate()} uses for a model folder (see {@link GenerationDefaults#generate()}). */
    public static GenerationConfig read(Path modelDir, ModelConfig model) {
        return GenerationDefaults.read(modelDir, model).generate();
    }

    /**
     * Reads settings written as generation_config.json keys, with HF's {@code GenerationConfig} defaults for the
     * keys absent or null, and the special tokens completed as HF's {@code _prepare_special_tokens} completes them
     * ({@code decoder_start_token_id} falls back to {@code bos_token_id}, {@code pad_token_id} to the first eos).
     * Keys depeche does not implement are not looked at here ({@link GenerationDefaults} warns about them).
     *
     * @param source the file the settings come from, named in errors
     * @throws ModelException when a value has the wrong type, or no decoder start token can be found
     */
    public static GenerationConfig fromJson(Path source, JsonNode settings) {
        Fields f = new Fields(source, settings);
        long[] eos = f.ids("eos_token_id");
        Long start = f.optionalLong("decoder_start_token_id");
        if (start == null) {
            start = f.optionalLong("bos_token_id");
        }
        if (start == null) {
            throw new ModelException(source, "neither decoder_start_token_id nor bos_token_id is set, so no"
                    + " output can start (transformers refuses to generate too)");
        }
        Long pad = f.optionalLong("pad_token_id");
        Builder b = new Builder()
                .maxLength(f.integer("max_length", 20))
                .maxNewTokens(f.optionalInteger("max_new_tokens"))
                .minLength(f.integer("min_length", 0))
                .minNewTokens(f.integer("min_new_tokens", 0))
                .numBeams(f.integer("num_beams", 1))
                .numReturnSequences(f.integer("num_return_sequences", 1))
                .lengthPenalty(f.number("length_penalty", 1.0))
                .earlyStopping(f.earlyStopping())
                .noRepeatNgramSize(f.integer("no_repeat_ngram_size", 0))
                .badWordsIds(f.idLists("bad_words_ids"))
                .forcedBosTokenId(f.optionalLong("forced_bos_token_id"))
                .forcedEosTokenIds(f.ids("forced_eos_token_id"))
                .renormalizeLogits(f.bool("renormalize_logits", false))
                .decoderStartTokenId(start)
                .eosTokenIds(eos)
                .padTokenId(pad != null ? pad : eos.length > 0 ? Long.valueOf(eos[0]) : null);
        return b.build();
    }

    /** The length limit in effect, start token included. */
    public int effectiveMaxLength() {
        return maxNewTokens != null ? maxNewTokens + 1 : maxLength;
    }

    /** A builder holding these settings, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder()
                .maxLength(maxLength).maxNewTokens(maxNewTokens).minLength(minLength).minNewTokens(minNewTokens)
                .numBeams(numBeams).numReturnSequences(numReturnSequences).lengthPenalty(lengthPenalty)
                .earlyStopping(earlyStopping).noRepeatNgramSize(noRepeatNgramSize).badWordsIds(badWordsIds)
                .forcedBosTokenId(forcedBosTokenId).forcedEosTokenIds(forcedEosTokenIds)
                .renormalizeLogits(renormalizeLogits).decoderStartTokenId(decoderStartTokenId)
                .eosTokenIds(eosTokenIds).padTokenId(padTokenId);
    }

    public GenerationConfig withNumBeams(int beams) {
        return toBuilder().numBeams(beams).build();
    }

    /** Sets {@code max_length} and clears {@code max_new_tokens}, so that the given length is the one in effect. */
    public GenerationConfig withMaxLength(int length) {
        return toBuilder().maxLength(length).maxNewTokens(null).build();
    }

    /** The settings as generation_config.json keys (what a run report records). */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_length", maxLength);
        m.put("max_new_tokens", maxNewTokens);
        m.put("min_length", minLength);
        m.put("min_new_tokens", minNewTokens);
        m.put("num_beams", numBeams);
        m.put("num_return_sequences", numReturnSequences);
        m.put("length_penalty", lengthPenalty);
        m.put("early_stopping", switch (earlyStopping) {
            case TRUE -> true;
            case FALSE -> false;
            case NEVER -> "never";
        });
        m.put("no_repeat_ngram_size", noRepeatNgramSize);
        m.put("bad_words_ids", badWordsIds);
        m.put("forced_bos_token_id", forcedBosTokenId);
        m.put("forced_eos_token_id", forcedEosTokenIds);
        m.put("renormalize_logits", renormalizeLogits);
        m.put("decoder_start_token_id", decoderStartTokenId);
        m.put("eos_token_id", eosTokenIds);
        m.put("pad_token_id", padTokenId);
        return m;
    }

    /** Settings under construction, starting from HF's {@code GenerationConfig} defaults. */
    public static final class Builder {
        private int maxLength = 20;
        private Integer maxNewTokens;
        private int minLength;
        private int minNewTokens;
        private int numBeams = 1;
        private int numReturnSequences = 1;
        private double lengthPenalty = 1.0;
        private EarlyStopping earlyStopping = EarlyStopping.FALSE;
        private int noRepeatNgramSize;
        private List<long[]> badWordsIds = List.of();
        private Long forcedBosTokenId;
        private long[] forcedEosTokenIds = new long[0];
        private boolean renormalizeLogits;
        private long decoderStartTokenId;
        private long[] eosTokenIds = new long[0];
        private Long padTokenId;

        public Builder maxLength(int v) {
            maxLength = v;
            return this;
        }

        public Builder maxNewTokens(Integer v) {
            maxNewTokens = v;
            return this;
        }

        public Builder minLength(int v) {
            minLength = v;
            return this;
        }

        public Builder minNewTokens(int v) {
            minNewTokens = v;
            return this;
        }

        public Builder numBeams(int v) {
            numBeams = v;
            return this;
        }

        public Builder numReturnSequences(int v) {
            numReturnSequences = v;
            return this;
        }

        public Builder lengthPenalty(double v) {
            lengthPenalty = v;
            return this;
        }

        public Builder earlyStopping(EarlyStopping v) {
            earlyStopping = v;
            return this;
        }

        public Builder noRepeatNgramSize(int v) {
            noRepeatNgramSize = v;
            return this;
        }

        public Builder badWordsIds(List<long[]> v) {
            badWordsIds = v;
            return this;
        }

        public Builder forcedBosTokenId(Long v) {
            forcedBosTokenId = v;
            return this;
        }

        public Builder forcedEosTokenIds(long[] v) {
            forcedEosTokenIds = v;
            return this;
        }

        public Builder renormalizeLogits(boolean v) {
            renormalizeLogits = v;
            return this;
        }

        public Builder decoderStartTokenId(long v) {
            decoderStartTokenId = v;
            return this;
        }

        public Builder eosTokenIds(long[] v) {
            eosTokenIds = v;
            return this;
        }

        public Builder padTokenId(Long v) {
            padTokenId = v;
            return this;
        }

        /** The only place the settings are constructed: a new parameter is added here and in its setter. */
        public GenerationConfig build() {
            return new GenerationConfig(maxLength, maxNewTokens, minLength, minNewTokens, numBeams,
                    numReturnSequences, lengthPenalty, earlyStopping, noRepeatNgramSize, badWordsIds,
                    forcedBosTokenId, forcedEosTokenIds, renormalizeLogits, decoderStartTokenId, eosTokenIds,
                    padTokenId);
        }
    }

    /** Typed access with errors naming the file and key. */
    private record Fields(Path file, JsonNode root) {
        private JsonNode value(String key) {
            JsonNode v = root.get(key);
            return v == null || v.isNull() ? null : v;
        }

        int integer(String key, int fallback) {
            Integer v = optionalInteger(key);
            return v == null ? fallback : v;
        }

        Integer optionalInteger(String key) {
            JsonNode v = value(key);
            if (v == null) {
                return null;
            }
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                throw bad(key, "an integer", v);
            }
            return v.asInt();
        }

        Long optionalLong(String key) {
            JsonNode v = value(key);
            if (v == null) {
                return null;
            }
            if (!v.isIntegralNumber()) {
                throw bad(key, "an integer", v);
            }
            return v.asLong();
        }

        double number(String key, double fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            if (!v.isNumber()) {
                throw bad(key, "a number", v);
            }
            return v.asDouble();
        }

        boolean bool(String key, boolean fallback) {
            JsonNode v = value(key);
            if (v == null) {
                return fallback;
            }
            if (!v.isBoolean()) {
                throw bad(key, "true or false", v);
            }
            return v.asBoolean();
        }

        EarlyStopping earlyStopping() {
            JsonNode v = value("early_stopping");
            if (v == null) {
                return EarlyStopping.FALSE;
            }
            if (v.isBoolean()) {
                return v.asBoolean() ? EarlyStopping.TRUE : EarlyStopping.FALSE;
            }
            if ("never".equals(v.asText())) {
                return EarlyStopping.NEVER;
            }
            throw bad("early_stopping", "true, false or \"never\"", v);
        }

        /** An id or a list of ids (HF accepts both for eos_token_id and forced_eos_token_id). */
        long[] ids(String key) {
            JsonNode v = value(key);
            if (v == null) {
                return new long[0];
            }
            if (v.isIntegralNumber()) {
                return new long[] {v.asLong()};
            }
            return idArray(key, v);
        }

        List<long[]> idLists(String key) {
            JsonNode v = value(key);
            List<long[]> lists = new ArrayList<>();
            if (v == null) {
                return lists;
            }
            if (!v.isArray()) {
                throw bad(key, "a list of id lists", v);
            }
            for (JsonNode seq : v) {
                lists.add(idArray(key, seq));
            }
            return lists;
        }

        private long[] idArray(String key, JsonNode v) {
            if (!v.isArray()) {
                throw bad(key, "a list of ids", v);
            }
            long[] ids = new long[v.size()];
            for (int i = 0; i < ids.length; i++) {
                if (!v.get(i).isIntegralNumber()) {
                    throw bad(key, "a list of ids", v);
                }
                ids[i] = v.get(i).asLong();
            }
            return ids;
        }

        private ModelException bad(String key, String expected, JsonNode v) {
            return new ModelException(file, "'" + key + "' should be " + expected + ", not " + v);
        }
    }
}
