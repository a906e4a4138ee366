package depeche.cli;

import depeche.hub.ModelResolver;
import depeche.hub.Role;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Which model folder a one-off command uses: {@code --model DIR}, or the default model of its role in the
 * models folder, fetched first on a first run unless {@code --offline} or {@code HF_HUB_OFFLINE=1}.
 */
final class ModelOption {
    @Option(names = "--model", paramLabel = "DIR",
            description = "A HuggingFace model folder (config.json, weights, tokenizer files); never downloaded. "
                    + "Default: this command's default model in the models folder.")
    Path model;

    @Mixin
    ModelsDirOption modelsDir;

    @Mixin
    OfflineOption offline;

    /** The folder to load; may fetch the default model first (announced on stderr). */
    Path resolve(Role role) {
        return ModelResolver.forCommandLine(modelsDir.dir, ModelsCommand.hubEnvironment(), offline.offline)
                .resolve(role, model);
    }
}
