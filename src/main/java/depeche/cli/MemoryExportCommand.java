package depeche.cli;

import depeche.document.Origin;
import depeche.io.AtomicFiles;
import depeche.memory.MemoryException;
import depeche.memory.MemoryStore;
import depeche.memory.exchange.TmxExporter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code depeche memory export}: the memory as TMX, for CAT tools. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes the translation memory as TMX 1.4b (to FILE, atomically, or standard output): one unit per "
                    + "entry, marked <prop type=\"x-depeche-origin\"> machine or reviewed, machine ones with their "
                    + "model in <prop type=\"x-depeche-model\">."
        })
final class MemoryExportCommand implements Callable<Integer> {
    @Mixin
    MemoryFileOption memory;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "tmx",
            description = "The file format; tmx is the one there is (default: ${DEFAULT-VALUE}).")
    void format(String format) {
        if (!"tmx".equals(format)) {
            throw new ParameterException(spec.commandLine(), "--format: '" + format + "' is not known (tmx)");
        }
    }

    @Option(names = "--reviewed-only", description = "Only the reviewed translations.")
    boolean reviewedOnly;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "Where to write; standard output when absent.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        try (MemoryStore store = MemoryStore.openExisting(memory.file)) {
            PrintWriter err = spec.commandLine().getErr();
            if (output == null) {
                PrintWriter stdout = spec.commandLine().getOut();
                int units = export(store, stdout);
                stdout.flush();
                err.println("depeche: " + units + " units exported");
            } else {
                int[] units = {0};
                AtomicFiles.write(output, out -> {
                    Writer utf8 = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    units[0] = export(store, utf8);
                    utf8.flush();
                });
                err.println("depeche: " + units[0] + " units exported to " + output);
            }
        } catch (MemoryException e) {
            throw new UsageException(e.getMessage());
        }
        return Main.EXIT_OK;
    }

    private int export(MemoryStore store, Writer out) throws IOException {
        try (TmxExporter tmx = new TmxExporter(out, Main.VERSION)) {
            store.forEach(entry -> {
                if (!reviewedOnly || entry.origin() == Origin.REVIEWED) {
                    try {
                        tmx.write(entry);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            });
            return tmx.units();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
