package depeche.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What earlier runs made in an output folder: per article id, the fingerprint of its input, models and
 * settings. An article whose fingerprint is unchanged and whose files are all there is skipped. Saved
 * atomically after every article, so an interrupted run resumes where it stopped.
 */
final class RunState {
    static final String FILE_NAME = ".depeche-state.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Map<String, String> fingerprints;

    private RunState(Path file, Map<String, String> fingerprints) {
        this.file = file;
        this.fingerprints = fingerprints;
    }

    /** The state of {@code outputFolder}; empty when there is none or it is unreadable (everything is redone). */
    static RunState load(Path outputFolder) {
        Path file = outputFolder.resolve(FILE_NAME);
        Map<String, String> fingerprints = new HashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                JsonNode articles = JSON.readTree(file.toFile()).path("articles");
                articles.fieldNames().forEachRemaining(id -> fingerprints.put(id, articles.get(id).asText()));
            }
        } catch (IOException e) {
            fingerprints.clear(); // a damaged state only costs redoing the work
        }
        return new RunState(file, fingerprints);
    }

    Optional<String> fingerprint(String id) {
        return Optional.ofNullable(fingerprints.get(id));
    }

    void record(String id, String fingerprint) throws IOException {
        fingerprints.put(id, fingerprint);
        save();
    }

    private void save() throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode articles = root.putObject("articles");
        fingerprints.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> articles.put(e.getKey(), e.getValue()));
        AtomicFiles.write(file, out -> JSON.writerWithDefaultPrettyPrinter().writeValue(out, root));
    }
}
