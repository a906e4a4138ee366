package depeche.folder;

import depeche.text.OneLine;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads the files of a model folder, turning every failure into a {@link ModelException} that names the file. */
public final class ModelFiles {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ModelFiles() {
    }

    public static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    public static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    public static ObjectNode readJsonObject(Path file) {
        JsonNode node;
        try {
            node = MAPPER.readTree(readBytes(file));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ModelException(file, "invalid JSON" + where + ": " + OneLine.of(e.getOriginalMessage()), e);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelException(file, "expected a JSON object");
        }
        return (ObjectNode) node;
    }

    private static ModelException unreadable(Path file, IOException e) {
        return e instanceof NoSuchFileException
                ? new ModelException(file, "file not found", e)
                : new ModelException(file, "cannot read: " + OneLine.of(e), e);
    }
}
