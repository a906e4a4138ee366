package depeche.hub;

import depeche.model.Architecture;
import depeche.tokenize.TokenizerKind;
import depeche.tokenize.Tokenizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What any model folder needs before depeche can load it: a config, one weights file, a tokenizer. Which
 * tokenizers and model types depeche reads is asked of {@code tokenize} and {@code model}, which load them.
 */
public final class ModelLayout {
    private ModelLayout() {
    }

    /** What {@code files} lacks, one entry per missing part; empty when the set makes a model. */
    public static List<String> missing(Set<String> files) {
        List<String> missing = new ArrayList<>(FileRequirements.ANY_SUPPORTED_MODEL.select(files).unmet());
        TokenizerKind.of(files).ifPresentOrElse(
                kind -> kind.missing(files).forEach(file -> missing.add(file + " (for the " + kind.label
                        + " tokenizer)")),
                () -> missing.add("tokenizer files (" + TokenizerKind.alternatives() + ")"));
        return missing;
    }

    /** What the folder lacks; empty when it holds a complete model. */
    public static List<String> missing(Path dir) {
        return missing(fileNames(dir));
    }

    /** Whether depeche runs models of this {@code model_type}. */
    static boolean supported(String modelType) {
        return Architecture.forModelType(modelType).isPresent();
    }

    /** The supported model types for a message: "marian and bart". */
    static String supportedTypes() {
        return Architecture.supportedTypes().replace(", ", " and ");
    }

    /** The names of the regular files directly inside {@code dir}. */
    static Set<String> fileNames(Path dir) {
        return Tokenizers.fileNames(dir);
    }
}
