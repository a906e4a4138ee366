package depeche.tokenize;

import depeche.folder.ModelFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.folder.ModelException;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** A token ↔ id map, as held by a {@code vocab.json} or by a {@code tokenizer.json}. */
final class Vocabulary {
    private final Map<String, Long> ids;
    private final Map<Long, String> tokens = new HashMap<>();

    Vocabulary(Map<String, Long> ids) {
        this.ids = Map.copyOf(ids);
        // Like HF's {v: k for k, v in encoder.items()}: if two tokens share an id, the later one wins.
        ids.forEach((token, id) -> tokens.put(id, token));
    }

    /** A {@code vocab.json}: one object of token → non-negative integer id. */
    static Vocabulary read(Path file) {
        return new Vocabulary(idsOf(ModelFiles.readJsonObject(file), file));
    }

    /** The token → id map of a JSON object in the {@code vocab.json} shape, parsed out of {@code file}. */
    static Map<String, Long> idsOf(ObjectNode tokenToId, Path file) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : tokenToId.properties()) {
            JsonNode id = entry.getValue();
            if (!id.canConvertToExactIntegral() || id.asLong() < 0) {
                throw new ModelException(file, "token " + entry.getKey() + " has id " + id + ", expected a non-negative integer");
            }
            ids.put(entry.getKey(), id.asLong());
        }
        return ids;
    }

    /** The id of a token, or -1. */
    long id(String token) {
        return ids.getOrDefault(token, -1L);
    }

    /** The token of an id, or null. */
    String token(long id) {
        return tokens.get(id);
    }
}
