package depeche.cli;

import depeche.model.ModelException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --model DIR}: which HF-layout folder a one-off command uses; the default lives in {@code models/}. */
final class ModelOption {
    @Option(names = "--model", paramLabel = "DIR",
            description = "A HuggingFace model folder (config.json, weights, tokenizer files). "
                    + "Default: models/<default model> for this command.")
    Path model;

    /** The folder to load: the explicit one, or the default under {@code models/}. */
    Path resolve(String defaultName) {
        Path folder = model != null ? model : Path.of("models", defaultName);
        if (!Files.isDirectory(folder)) {
            if (model != null) {
                throw new ModelException(folder, "no such model folder");
            }
            throw new UsageException("model '" + defaultName + "' is not installed in models/: fetch it with "
                    + "'depeche models fetch " + defaultName + "', or pass --model DIR");
        }
        return folder;
    }
}
