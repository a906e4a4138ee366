package depeche.cli;

import depeche.pipeline.OutputLock;
import depeche.review.ReviewApplier;
import depeche.review.ReviewApply;
import depeche.review.ReviewException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code depeche review apply FILE}: rewrites an article's outputs with a reviewer's corrections. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Applies the corrections a reviewer exported from a review page (<id>.corrections.json) to "
                + "that article's files in the output folder: every format it has is written again, with the "
                + "corrected sentences marked reviewed, and index.html with them.",
                "Nothing is written unless every correction meets its sentence (same French, and the English the "
                        + "reviewer started from). Exit code 0 when applied, 2 when the file cannot be applied."})
final class ReviewApplyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The corrections file the review page exported.")
    Path file;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "The output folder the article's files are in (default: ${DEFAULT-VALUE}).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(output)) {
            throw new UsageException("the output folder " + output + " does not exist");
        }
        ReviewApply.Result result;
        try (OutputLock ignored = OutputLock.acquire(output)) {
            result = ReviewApply.apply(file, output);
        } catch (ReviewException | OutputLock.LockedException e) {
            throw new UsageException(e.getMessage());
        }
        ReviewApplier.Applied applied = result.applied();
        applied.warnings().forEach(w -> err.println("depeche: warning: " + w));
        err.println("depeche: " + result.document().id() + ": " + applied.corrected() + " corrected, "
                + applied.approved() + " marked reviewed, " + applied.unmarked() + " unmarked; wrote "
                + result.written().stream().map(p -> p.getFileName().toString()).collect(Collectors.joining(", "))
                + result.index().map(index -> " and " + index.getFileName()).orElse("") + " in " + output);
        return Main.EXIT_OK;
    }
}
