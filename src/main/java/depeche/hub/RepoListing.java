package depeche.hub;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.folder.ModelFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A repository at one commit.
 *
 * @param repo   the repository id
 * @param commit the commit the revision resolved to; every file is then fetched from it, so a
 *               branch moving during the fetch cannot mix two versions
 * @param files  its files
 */
public record RepoListing(String repo, String commit, List<RepoFile> files) {
    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern GIT_BLOB_ID = Pattern.compile("[0-9a-f]{40}");

    /**
     * Reads the model-info JSON: {@code sha} and {@code siblings[]} with {@code rfilename}, {@code size},
     * {@code blobId}, {@code lfs}. A checksum or size that is not well-formed counts as not listed.
     *
     * @throws IOException with a one-line message when it is not that JSON
     */
    static RepoListing parse(String repo, String revision, byte[] json) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IOException(ModelFiles.invalidJson(e), e);
        }
        if (root == null || !root.path("siblings").isArray()) {
            throw new IOException("it has no 'siblings'");
        }
        String sha = root.path("sha").asText("");
        // A mirror that does not say which commit it serves is asked for the revision as given.
        String commit = COMMIT.matcher(sha).matches() ? sha : revision;
        List<RepoFile> files = new ArrayList<>();
        for (JsonNode sibling : root.path("siblings")) {
            JsonNode lfs = sibling.path("lfs");
            long size = size(lfs.has("size") ? lfs.get("size") : sibling.path("size"));
            files.add(new RepoFile(sibling.path("rfilename").asText(""), size,
                    text(lfs, "sha256").filter(value -> SHA256.matcher(value).matches()),
                    text(sibling, "blobId").filter(value -> GIT_BLOB_ID.matcher(value).matches()), lfs.isObject()));
        }
        return new RepoListing(repo, commit, List.copyOf(files));
    }

    /** A listed size, or -1 when it is absent or not a natural number. */
    private static long size(JsonNode size) {
        return size.isIntegralNumber() && size.canConvertToLong() && size.asLong() >= 0 ? size.asLong() : -1;
    }

    private static Optional<String> text(JsonNode node, String field) {
        return Optional.of(node.path(field).asText("")).filter(value -> !value.isEmpty());
    }

    public Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        files.forEach(file -> names.add(file.name()));
        return names;
    }

    public Optional<RepoFile> file(String name) {
        return files.stream().filter(file -> file.name().equals(name)).findFirst();
    }
}
