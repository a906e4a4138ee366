package depeche.cli;

import depeche.memory.MemoryStore;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --memory FILE} the {@code memory} subcommands work on; by default {@code run}'s default memory. */
final class MemoryFileOption {
    static final String DEFAULT = "output/" + MemoryStore.DEFAULT_FILE_NAME;

    @Option(names = "--memory", paramLabel = "FILE", defaultValue = DEFAULT,
            description = "The translation memory file (default: ${DEFAULT-VALUE}, run's default).")
    Path file;
}
