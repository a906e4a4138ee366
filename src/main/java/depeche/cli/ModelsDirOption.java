package depeche.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --models DIR} option the {@code models} subcommands share with {@code run}. */
final class ModelsDirOption {
    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Models folder (default: ${DEFAULT-VALUE}).")
    Path dir;
}
