package depeche.memory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.Flag;
import depeche.document.Origin;
import depeche.document.SentencePair;
import depeche.document.TokenIds;
import java.util.List;
import java.util.OptionalDouble;

/** A sentence pair's values as the memory's columns hold them: ids, warnings and flags as JSON arrays. */
final class PairColumns {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private PairColumns() {
    }

    static String ids(TokenIds ids) {
        return write(ids.toArray());
    }

    static String warnings(List<String> warnings) {
        return write(warnings);
    }

    static String flags(List<Flag> flags) {
        return write(flags);
    }

    /**
     * The pair a row holds.
     *
     * @param confidence null when the row has none
     * @throws IllegalArgumentException when a JSON column cannot be read (the row is then treated as absent)
     */
    static SentencePair pair(String source, String target, String ids, Double confidence, String warnings,
                             String flags, Origin origin) {
        try {
            return new SentencePair(source, target, TokenIds.of(JSON.readValue(ids, long[].class)),
                    confidence == null ? OptionalDouble.empty() : OptionalDouble.of(confidence),
                    JSON.readValue(warnings, new TypeReference<List<String>>() { }),
                    JSON.readValue(flags, new TypeReference<List<Flag>>() { }), origin);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable memory row for: " + source, e);
        }
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a pair's values are always JSON", e);
        }
    }
}
