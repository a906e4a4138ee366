package depeche.model.weights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import depeche.folder.JsonTree;
import depeche.folder.ModelException;
import depeche.folder.ModelFiles;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.file.Path;

/** Strict JSON parsing for safetensors headers and shard indexes: duplicate keys and trailing data are errors. */
final class JsonFiles {
    private JsonFiles() {
    }

    /**
     * @param what names the JSON for messages, e.g. "header"
     * @return the JSON object in {@code json}
     */
    static JsonNode object(Path file, byte[] json, String what) {
        JsonNode node;
        try {
            node = JsonTree.readStrict(json);
        } catch (JsonProcessingException e) {
            throw new ModelException(file, what + " is " + ModelFiles.invalidJson(e), e);
        } catch (IOException e) {
            throw new ModelException(file, "cannot read the " + what + ": " + OneLine.of(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelException(file, what + " is not a JSON object");
        }
        return node;
    }
}
