package depeche.pipeline;

import depeche.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stage 6, report: {@code run-report.json} accounting for every article the run met, and {@code index.html} from
 * it (failed and skipped articles listed too), also when the run stopped before it was done (interrupted, or an
 * internal error): the articles not done are then reported failed with the reason.
 */
final class ReportStage {
    private final RunIdentity identity;
    private final Path input;
    private final OutputFolder folder;
    private final Path output;
    private final Optional<Path> memory;
    private final List<String> warnings = new ArrayList<>();
    private List<ReadArticle> read = List.of();

    /**
     * @param warnings about the run as a whole
     * @param memory   the translation memory file; empty when the run had none
     */
    ReportStage(RunIdentity identity, Path input, OutputFolder folder, Path output, List<String> warnings,
                Optional<Path> memory) {
        this.identity = identity;
        this.input = input;
        this.folder = folder;
        this.output = output;
        this.memory = memory;
        this.warnings.addAll(warnings);
    }

    /** Adds warnings about the run as a whole, met while it ran. */
    synchronized void warn(List<String> more) {
        warnings.addAll(more);
    }

    /** The articles read, whose headlines and dates the index shows. */
    synchronized void read(List<ReadArticle> articles) {
        read = List.copyOf(articles);
    }

    /**
     * Writes the index and the report of a run that started at {@code started}, and returns the report.
     *
     * @param stopped why the run stopped before every article was done ("interrupted"); empty when it finished
     */
    synchronized RunReport report(RunLedger ledger, Instant started, Optional<String> stopped) throws IOException {
        List<String> errors = new ArrayList<>();
        int notDone = ledger.openCount();
        stopped.ifPresent(reason -> errors.add(reason + ": " + notDone + (notDone == 1 ? " article was" : " articles were")
                + " not done (reported failed); a new run does them"));
        List<RunReport.ArticleReport> articles = ledger.reports(stopped.map(reason -> reason + ": the run stopped "
                + "before this article was done").orElse("the run ended before this article was done"));
        // From the report's entries, so failed and skipped articles are listed too. The index is a convenience:
        // failing to write it costs no article, but the run did not deliver it.
        ArticleFaults.attempt(() -> folder.writeIndex(IndexEntries.of(articles, read))).error()
                .ifPresent(e -> errors.add("index.html was not written: " + e));
        Instant finished = Instant.now();
        RunReport report = new RunReport(RunReport.FORMAT, identity.toolVersion(), started.toString(),
                finished.toString(), Duration.between(started, finished).toMillis() / 1000.0, input.toString(),
                output.toString(), identity.models(), identity.settings(), List.copyOf(warnings), List.copyOf(errors),
                RunReport.Counts.of(articles), memory.map(file -> RunReport.Memory.of(file.toString(), articles))
                .orElse(null), articles);
        try {
            report.write(output);
        } catch (IOException e) {
            throw new IOException("cannot write the run report " + output.resolve(RunReport.FILE_NAME) + ": "
                    + ArticleFaults.describe(e), e);
        }
        return report;
    }

    /** Reports a run that was interrupted, and says so on stderr (from the JVM's shutdown hook). */
    void interrupted(RunLedger ledger, Instant started, Progress progress) {
        progress.close();
        int notDone = ledger.openCount();
        try {
            report(ledger, started, Optional.of("interrupted"));
            progress.note("depeche: interrupted: " + notDone + " article" + (notDone == 1 ? "" : "s")
                    + " not done (a new run does them); report: " + output.resolve(RunReport.FILE_NAME));
        } catch (IOException | RuntimeException e) {
            progress.note("depeche: interrupted; " + ArticleFaults.describe(e));
        }
    }
}
