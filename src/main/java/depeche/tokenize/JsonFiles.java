package depeche.tokenize;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.model.ModelException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the JSON files of a model folder, turning every failure into a {@link ModelException} that names the file. */
final class JsonFiles {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonFiles() {
    }

    static ObjectNode readObject(Path file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ModelException(file, "invalid JSON" + where + ": " + OneLine.of(e.getOriginalMessage()), e);
        } catch (NoSuchFileException e) {
            throw new ModelException(file, "file not found", e);
        } catch (IOException e) {
            throw new ModelException(file, "cannot read: " + OneLine.of(e), e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelException(file, "expected a JSON object");
        }
        return (ObjectNode) node;
    }
}
