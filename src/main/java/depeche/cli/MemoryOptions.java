package depeche.cli;

import depeche.memory.TranslationMemory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --memory FILE} and {@code --no-memory}, shared by the commands that translate. */
final class MemoryOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private Path file;
    private boolean off;

    @Option(names = "--memory", paramLabel = "FILE",
            description = "Translation memory (SQLite): sentences it holds are not translated again, reviewed "
                    + "translations replace the model's, new translations are added. Default for run: "
                    + ".depeche-memory.sqlite in the output folder; translate uses none unless "
                    + "given. A damaged or locked file is a warning: the command goes on without it.")
    void file(Path value) {
        if (off) {
            throw new ParameterException(command.commandLine(), "--memory and --no-memory exclude each other");
        }
        file = value;
    }

    @Option(names = "--no-memory", description = "Use no translation memory: translate every sentence.")
    void off(boolean value) {
        if (value && file != null) {
            throw new ParameterException(command.commandLine(), "--memory and --no-memory exclude each other");
        }
        off = value;
    }

    /**
     * The memory the command uses: {@code --memory FILE}, else {@code fallback}; none with {@code --no-memory}.
     * A memory that cannot be used says so on {@code err} in one line when first used.
     *
     * @param commandName recorded with the run's hits, for {@code memory stats}
     */
    /** The memory file the command uses: {@code --memory FILE}, else {@code fallback}; none with {@code --no-memory}. */
    Optional<Path> chosen(Optional<Path> fallback) {
        return off ? Optional.empty() : Optional.ofNullable(file).or(() -> fallback);
    }

    TranslationMemory memory(Optional<Path> fallback, String commandName, PrintWriter err) {
        return chosen(fallback).map(path -> TranslationMemory.at(path, commandName,
                line -> err.println("depeche: warning: " + line))).orElseGet(TranslationMemory::none);
    }
}
