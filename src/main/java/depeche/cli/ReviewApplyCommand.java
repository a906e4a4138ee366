package depeche.cli;

import depeche.document.SentencePair;
import depeche.memory.MemoryException;
import depeche.memory.MemoryStore;
import depeche.memory.ReviewedTranslation;
import depeche.pipeline.OutputLock;
import depeche.review.ReviewApplier;
import depeche.review.ReviewApply;
import depeche.review.ReviewException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code depeche review apply FILE}: rewrites an article's outputs with a reviewer's corrections, and keeps them in
 * the translation memory so that every later run gives the reviewed English.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Applies the corrections a reviewer exported from a review page (<id>.corrections.json) to "
                + "that article's files in the output folder: every format it has is written again, with the "
                + "corrected sentences marked reviewed, and index.html with them.",
                "The reviewed sentences also go into the translation memory (run's default, "
                        + "<output>/" + MemoryStore.DEFAULT_FILE_NAME + ", unless --memory or --no-memory), so "
                        + "every later run uses them in place of the model's; a sentence whose mark was taken "
                        + "away is forgotten there.",
                "Nothing is written unless every correction meets its sentence (same French, and the English the "
                        + "reviewer started from). Exit code 0 when applied, 2 when the file cannot be applied."})
final class ReviewApplyCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "The corrections file the review page exported.")
    Path file;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "The output folder the article's files are in (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    MemoryOptions memoryOptions;

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
        memoryOptions.chosen(Optional.of(output.resolve(MemoryStore.DEFAULT_FILE_NAME)))
                .ifPresent(memory -> remember(applied, memory, err));
        return Main.EXIT_OK;
    }

    /**
     * Keeps the reviewed sentences in the memory. The files are written by then: a memory that cannot be used
     * costs the reviewer nothing there, and one warning says that later runs will not reuse the corrections.
     */
    private void remember(ReviewApplier.Applied applied, Path memory, PrintWriter err) {
        List<ReviewedTranslation> kept = new ArrayList<>();
        for (SentencePair pair : applied.reviewed()) {
            if (!pair.target().isBlank()) {
                kept.add(new ReviewedTranslation(pair.source(), pair.target(), "review apply " + file.getFileName()));
            }
        }
        if (kept.isEmpty() && applied.unreviewed().isEmpty()) {
            return;
        }
        try (MemoryStore store = MemoryStore.open(memory)) {
            int added = store.review(kept);
            int forgotten = store.unreview(applied.unreviewed());
            err.printf("depeche: translation memory %s: %d reviewed sentence%s kept (%d new), %d forgotten%n", memory,
                    kept.size(), kept.size() == 1 ? "" : "s", added, forgotten);
        } catch (MemoryException e) {
            err.println("depeche: warning: " + e.getMessage() + ": the corrections are in the files but not in the "
                    + "translation memory, so later runs will not reuse them (apply the file again once it can be used)");
        }
    }
}
