package depeche.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code depeche memory}: the translation memory's reviewed translations in and out, and what it holds. */
@Command(
        name = "memory",
        mixinStandardHelpOptions = true,
        description = {
            "The translation memory: run and translate look every sentence up in it before translating, and use a "
                    + "reviewed translation in place of the model's whatever the model.",
            "import reads reviewed translations from TMX or XLIFF 2.0; export writes the memory as TMX; stats "
                    + "counts what it holds and what the last run got from it."
        },
        subcommands = {MemoryImportCommand.class, MemoryExportCommand.class, MemoryStatsCommand.class})
final class MemoryCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }
}
