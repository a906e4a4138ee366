package depeche.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import depeche.folder.ModelException;
import depeche.folder.ModelFiles;
import depeche.text.OneLine;
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

    /**
     * One fetched file.
     *
     * @param sha256         of the file as installed, for {@code models verify} to re-check
     * @param checkedAgainst what the download was checked against before it was installed; {@code NONE} (also
     *                       for manifests that do not say) when the hub listed no checksum: the sha256 is then
     *                       only the file's own, and proves nothing about where it came from
     */
    public record Entry(String name, long size, String sha256, ListedChecksum checkedAgainst) {
        public Entry {
            checkedAgainst = checkedAgainst == null ? ListedChecksum.NONE : checkedAgainst;
        }

        public boolean verified() {
            return checkedAgainst != ListedChecksum.NONE;
        }
    }

    public FetchManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** The manifest of a model folder; empty when the folder was not installed by {@code models fetch}. */
    public static Optional<FetchManifest> read(Path modelDir) {
        Path file = modelDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        FetchManifest manifest;
        try {
            manifest = JSON.treeToValue(ModelFiles.readJsonObject(file), FetchManifest.class);
        } catch (JsonProcessingException e) {
            throw new ModelException(file, "not a fetch manifest: " + OneLine.of(e.getOriginalMessage()), e);
        }
        for (Entry entry : manifest.files()) {
            if (entry == null || entry.name() == null || !SafeNames.isRelativeFileName(entry.name())) {
                throw new ModelException(file, "the fetch manifest names '" + (entry == null ? null : entry.name())
                        + "', which is not a file inside the model folder");
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

    /** The names of the files that were installed without a listed checksum to check them against, sorted. */
    public List<String> unverified() {
        return files.stream().filter(entry -> !entry.verified()).map(Entry::name).sorted().toList();
    }

    /** The commit shortened as git shows it. */
    public String shortCommit() {
        return shorten(commit);
    }

    static String shorten(String commit) {
        return commit.length() > 7 ? commit.substring(0, 7) : commit;
    }
}
