package depeche.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import depeche.folder.ModelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * What {@code models fetch} installed, kept in the model folder as {@value #FILE_NAME}: where it came
 * from and the size and sha256 of every file, so that {@code models verify} can re-check them
 * without the network.
 *
 * @param repo      the repository id
 * @param revision  the revision asked for (a commit, or a branch such as {@code main})
 * @param commit    the commit it resolved to
 * @param endpoint  the hub it came from
 * @param fetchedAt when, as an ISO-8601 instant
 * @param files     every file fetched
 */
public record FetchManifest(String repo, String revision, String commit, String endpoint, String fetchedAt,
                            List<Entry> files) {
    public static final String FILE_NAME = ".depeche-fetch.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One fetched file. */
    public record Entry(String name, long size, String sha256) {
    }

    public FetchManifest {
        files = List.copyOf(files);
    }

    /** The manifest of a model folder; empty when the folder was not installed by {@code models fetch}. */
    public static Optional<FetchManifest> read(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        FetchManifest manifest;
        try {
            manifest = JSON.readValue(file.toFile(), FetchManifest.class);
        } catch (IOException e) {
            throw new ModelException(file, "unreadable fetch manifest: " + e.getMessage(), e);
        }
        for (Entry entry : manifest.files()) {
            if (!SafeNames.isRelativeFileName(entry.name())) {
                throw new ModelException(file, "the fetch manifest names '" + entry.name()
                        + "', which is outside the model folder");
            }
        }
        return Optional.of(manifest);
    }

    /** Writes the manifest into {@code modelDir}, whole or not at all. */
    void writeTo(Path modelDir) throws IOException {
        Path temporary = modelDir.resolve(FILE_NAME + ".tmp");
        JSON.writeValue(temporary.toFile(), this);
        Files.move(temporary, modelDir.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The commit shortened as git shows it. */
    public String shortCommit() {
        return shorten(commit);
    }

    static String shorten(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
