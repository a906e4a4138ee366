package depeche.hub;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.folder.ModelException;
import depeche.folder.ModelFiles;
import depeche.text.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The models depeche knows by name ({@code models/catalog.json}).
 *
 * <p>The file in the models folder wins over the copy bundled in the jar: people add or re-pin
 * models by editing it, and a jar run from another folder (with no {@code models/catalog.json}
 * there) still knows the defaults.
 */
public final class Catalog {
    /** The catalog's file name inside a models folder. */
    public static final String FILE_NAME = "catalog.json";
    private static final String BUNDLED = "/depeche/hub/catalog.json";

    private final String source;
    private final List<CatalogEntry> entries;

    private Catalog(String source, List<CatalogEntry> entries) {
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /** The catalog of {@code modelsDir}, or the bundled one when that folder has none. */
    public static Catalog load(Path modelsDir) {
        Path file = modelsDir.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            return parse(file, ModelFiles.readBytes(file));
        }
        return bundled();
    }

    /** The catalog inside the jar. */
    public static Catalog bundled() {
        Path origin = Path.of(BUNDLED.substring(1)); // for messages only: a resource, not a file
        try (InputStream in = Catalog.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new ModelException(origin, "the bundled model catalog is missing from the build");
            }
            return parse(origin, in.readAllBytes());
        } catch (IOException e) {
            throw new ModelException(origin, "cannot read the bundled model catalog: " + OneLine.of(e), e);
        }
    }

    /**
     * The catalog in {@code json}.
     *
     * @throws ModelException naming {@code origin} and the problem on one line when it is not a valid catalog
     */
    static Catalog parse(Path origin, byte[] json) {
        JsonNode root = ModelFiles.parseJsonObject(origin, json);
        if (!root.path("models").isArray()) {
            throw new ModelException(origin, "invalid model catalog: no 'models' list");
        }
        List<CatalogEntry> entries = new ArrayList<>();
        try {
            for (JsonNode model : root.path("models")) {
                entries.add(entry(model));
            }
            checkOneDefaultPerRole(entries);
        } catch (IllegalArgumentException e) {
            throw new ModelException(origin, "invalid model catalog: " + e.getMessage());
        }
        return new Catalog(origin.toString(), entries);
    }

    private static CatalogEntry entry(JsonNode model) {
        String name = text(model, "name");
        if (!SafeNames.isModelName(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be a folder name");
        }
        String repo = text(model, "repo");
        if (!SafeNames.isRepoId(repo)) {
            throw new IllegalArgumentException(name + ": '" + repo + "' is not a hub repository id (owner/name)");
        }
        List<List<String>> required = new ArrayList<>();
        for (JsonNode group : model.path("required")) {
            List<String> alternatives = new ArrayList<>();
            if (group.isArray()) {
                group.forEach(file -> alternatives.add(fileName(name, file)));
            } else {
                alternatives.add(fileName(name, group));
            }
            required.add(alternatives);
        }
        List<String> optional = new ArrayList<>();
        model.path("optional").forEach(file -> optional.add(fileName(name, file)));
        return new CatalogEntry(name, repo, text(model, "revision"), Role.fromLabel(text(model, "role")),
                model.path("default").asBoolean(false), model.path("description").asText(""),
                new FileRequirements(required, optional));
    }

    private static String text(JsonNode node, String field) {
        String value = node.path(field).asText("");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a model has no '" + field + "'");
        }
        return value;
    }

    private static String fileName(String model, JsonNode node) {
        String file = node.asText("");
        if (!SafeNames.isRelativeFileName(file)) {
            throw new IllegalArgumentException(model + ": '" + file + "' is not a file name inside the model folder");
        }
        return file;
    }

    private static void checkOneDefaultPerRole(List<CatalogEntry> entries) {
        Map<Role, String> defaults = new EnumMap<>(Role.class);
        for (CatalogEntry entry : entries) {
            if (entry.isDefault() && defaults.putIfAbsent(entry.role(), entry.name()) != null) {
                throw new IllegalArgumentException("two default " + entry.role().label() + " models: "
                        + defaults.get(entry.role()) + " and " + entry.name());
            }
        }
        List<String> names = entries.stream().map(CatalogEntry::name).toList();
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("two models share a name");
        }
    }

    /** Where the catalog was read from: a file, or the resource path of the bundled copy. */
    public String source() {
        return source;
    }

    public List<CatalogEntry> entries() {
        return entries;
    }

    public Optional<CatalogEntry> named(String name) {
        return entries.stream().filter(entry -> entry.name().equals(name)).findFirst();
    }

    public Optional<CatalogEntry> forRepo(String repo) {
        return entries.stream().filter(entry -> entry.repo().equals(repo)).findFirst();
    }

    /** The default model for a role. */
    public CatalogEntry defaultFor(Role role) {
        return entries.stream().filter(entry -> entry.isDefault() && entry.role() == role).findFirst()
                .orElseThrow(() -> new ModelException(Path.of(source),
                        "the model catalog names no default " + role.label() + " model"));
    }

    /** The default model of every role, in role order. */
    public List<CatalogEntry> defaults() {
        return entries.stream().filter(CatalogEntry::isDefault)
                .sorted((a, b) -> a.role().compareTo(b.role())).toList();
    }
}
