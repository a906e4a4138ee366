package depeche.folder;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/** Reads the files of a model folder, turning every failure into a {@link ModelException} that names the file. */
public final class ModelFiles {
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
        return parseJsonObject(file, readBytes(file));
    }

    /**
     * The JSON object in {@code json}, read from {@code origin} (a file, or a resource named like one).
     *
     * @throws ModelException naming {@code origin} when it is not a JSON object
     */
    public static ObjectNode parseJsonObject(Path origin, byte[] json) {
        JsonNode node;
        try {
            node = JsonTree.read(json);
        } catch (JsonProcessingException e) {
            throw new ModelException(origin, invalidJson(e), e);
        } catch (IOException e) {
            throw unreadable(origin, e);
        }
        if (node == null || !node.isObject()) {
            throw new ModelException(origin, "expected a JSON object");
        }
        return (ObjectNode) node;
    }

    /**
     * "invalid JSON at line 3, column 5: Unexpected end-of-input": Jackson's problem on one line, without the
     * {@code at [Source: …]} tail its own message ends with (which quotes the input and spans lines).
     */
    public static String invalidJson(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return "invalid JSON" + where + ": " + OneLine.of(e.getOriginalMessage());
    }

    private static ModelException unreadable(Path file, IOException e) {
        return e instanceof NoSuchFileException
                ? new ModelException(file, "file not found", e)
                : new ModelException(file, "cannot read: " + OneLine.of(e), e);
    }
}
