package depeche.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What any model folder needs before depeche can load it: a config, one weights file, a tokenizer. */
public final class ModelLayout {
    /** The {@code model_type} values of config.json that depeche runs. */
    static final Set<String> SUPPORTED_MODEL_TYPES = Set.of("marian", "bart");

    private ModelLayout() {
    }

    /** What {@code files} lacks, one entry per missing part; empty when the set makes a model. */
    public static List<String> missing(Set<String> files) {
        List<String> missing = new ArrayList<>(FileRequirements.ANY_SUPPORTED_MODEL.select(files).unmet());
        if (TokenizerKind.of(files).isEmpty()) {
            missing.add("tokenizer files (" + TokenizerKind.alternatives() + ")");
        }
        return missing;
    }

    /** What the folder lacks; empty when it holds a complete model. */
    public static List<String> missing(Path dir) {
        return missing(fileNames(dir));
    }

    /** The names of the regular files directly inside {@code dir}. */
    static Set<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
