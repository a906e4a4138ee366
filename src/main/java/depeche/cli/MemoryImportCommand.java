package depeche.cli;

import depeche.document.Origin;
import depeche.memory.MemoryException;
import depeche.memory.MemoryStore;
import depeche.memory.ReviewedTranslation;
import depeche.memory.exchange.ExchangeException;
import depeche.memory.exchange.ExchangeFile;
import depeche.memory.exchange.ExchangePair;
import depeche.memory.exchange.Exchanges;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche memory import}: reviewed translations from TMX or XLIFF files into the memory. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Adds the reviewed French-English translations of TMX (1.4b) and XLIFF 2.0 files to the translation "
                    + "memory; every later run uses them in place of the model's output, whatever the model.",
            "Reviewed are: every TMX unit with a fr and an en variant, except those depeche marked as machine "
                    + "output (<prop type=\"x-depeche-origin\">machine</prop>, as memory export writes); XLIFF "
                    + "segments in state reviewed or final. A reviewed translation replaces the one its sentence had.",
            "Every file is read before anything is imported: a file that cannot be read imports nothing (exit 2)."
        })
final class MemoryImportCommand implements Callable<Integer> {
    /** Units left out that are listed one by one; the rest are counted. */
    private static final int LISTED = 5;

    @Mixin
    MemoryFileOption memory;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "A .tmx, .xlf or .xliff file.")
    List<Path> files;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        List<ExchangeFile> read = new ArrayList<>();
        try {
            files.forEach(file -> read.add(Exchanges.read(file)));
        } catch (ExchangeException e) {
            throw new UsageException(e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        try (MemoryStore store = MemoryStore.open(memory.file)) {
            for (ExchangeFile file : read) {
                List<ReviewedTranslation> corrections = new ArrayList<>();
                List<String> left = new ArrayList<>(file.skipped());
                for (ExchangePair pair : file.pairs()) {
                    if (pair.origin() != Origin.REVIEWED) {
                        left.add(pair.where() + ": not reviewed");
                        continue;
                    }
                    try {
                        corrections.add(new ReviewedTranslation(pair.source(), pair.target(),
                                "imported from " + file.file().getFileName()));
                    } catch (IllegalArgumentException e) {
                        left.add(pair.where() + ": nothing left after cleaning the text");
                    }
                }
                int added = store.review(corrections);
                err.printf("depeche: %s: %d reviewed translation%s imported (%d new, %d replaced), %d unit%s"
                        + " left out%n", file.file(), corrections.size(), corrections.size() == 1 ? "" : "s", added,
                        corrections.size() - added, left.size(), left.size() == 1 ? "" : "s");
                left.stream().limit(LISTED).forEach(line -> err.println("depeche:   " + line));
                if (left.size() > LISTED) {
                    err.println("depeche:   … and " + (left.size() - LISTED) + " more");
                }
            }
        } catch (MemoryException e) {
            throw new UsageException(e.getMessage());
        }
        err.flush();
        return Main.EXIT_OK;
    }
}
