package depeche.hub;

import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.folder.ModelException;
import depeche.tokenize.TokenizerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A model folder under {@code models/} as {@code models list} describes it.
 *
 * @param name       the folder name
 * @param dir        the folder
 * @param modelType  {@code model_type} of config.json, when readable
 * @param parameters the parameter count, when known ({@link ParameterCount})
 * @param sizeBytes  bytes of all files in the folder
 * @param tokenizer  the tokenizer files it holds
 * @param problems   why it cannot run (missing files, unsupported type); empty when complete
 * @param manifest   what {@code models fetch} recorded; empty for folders copied by hand
 */
public record InstalledModel(String name, Path dir, Optional<String> modelType, OptionalLong parameters,
                             long sizeBytes, Optional<TokenizerKind> tokenizer, List<String> problems,
                             Optional<FetchManifest> manifest) {

    public boolean complete() {
        return problems.isEmpty();
    }

    /** Every model folder in {@code modelsDir}, by name; our own dot-folders are skipped. */
    public static List<InstalledModel> scan(Path modelsDir) {
        if (!Files.isDirectory(modelsDir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(modelsDir)) {
            return entries.filter(Files::isDirectory)
                    .filter(dir -> !dir.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(dir -> dir.getFileName().toString()))
                    .map(InstalledModel::inspect).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Describes one model folder without loading the model. */
    public static InstalledModel inspect(Path dir) {
        Set<String> files = ModelLayout.fileNames(dir);
        List<String> problems = new ArrayList<>(ModelLayout.missing(files));
        Optional<String> type = Optional.empty();
        if (files.contains("config.json")) {
            type = modelType(dir.resolve("config.json"));
            type.filter(value -> !ModelLayout.supported(value))
                    .ifPresent(value -> problems.add("model_type '" + value + "' is not supported"));
            if (type.isEmpty()) {
                problems.add("config.json without a readable model_type");
            }
        }
        Optional<FetchManifest> manifest = readManifest(dir, problems);
        manifest.ifPresent(fetched -> problems.addAll(differences(dir, fetched)));
        return new InstalledModel(dir.getFileName().toString(), dir, type, ParameterCount.of(dir), sizeOf(dir),
                TokenizerKind.of(files), List.copyOf(problems), manifest);
    }

    /** Files of the manifest that are gone or changed size; content is checked by {@code models verify}. */
    private static List<String> differences(Path dir, FetchManifest manifest) {
        List<String> differences = new ArrayList<>();
        for (FetchManifest.Entry entry : manifest.files()) {
            Path file = dir.resolve(entry.name());
            try {
                if (!Files.isRegularFile(file)) {
                    differences.add(entry.name() + " is gone");
                } else if (Files.size(file) != entry.size()) {
                    differences.add(entry.name() + " changed size");
                }
            } catch (IOException e) {
                differences.add(entry.name() + " is unreadable");
            }
        }
        return differences;
    }

    private static Optional<FetchManifest> readManifest(Path dir, List<String> problems) {
        try {
            return FetchManifest.read(dir);
        } catch (ModelException e) {
            problems.add(FetchManifest.FILE_NAME + " is unreadable");
            return Optional.empty();
        }
    }

    private static Optional<String> modelType(Path config) {
        try {
            return Optional.of(new ObjectMapper().readTree(config.toFile()).path("model_type").asText(""))
                    .filter(type -> !type.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static long sizeOf(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
