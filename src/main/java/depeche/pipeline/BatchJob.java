package depeche.pipeline;

import depeche.document.Article;
import depeche.document.Outcome;
import depeche.io.ArticleReaders;
import depeche.io.Format;
import depeche.io.OutputFolder;
import depeche.io.ReadResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The nightly job: every article of the input folder, translated and summarized, written as bilingual files.
 * It strings the stages together: {@link ReadStage read} → ({@link ArticleProcessor}: plan → translate →
 * summarize, chunk by chunk) → {@link WriteStage write} → {@link ReportStage report}. Whatever one article does
 * at any stage costs only that article ({@link ArticleFaults}); the report is written however the run ends, even
 * interrupted ({@link Interruption}); a lock keeps two runs out of one output folder.
 */
public final class BatchJob {
    /**
     * Articles translated together: enough for well-filled batches, few enough to write results steadily. The
     * Spark job cuts its input into the same chunks, so that both batch the same sentences together.
     */
    public static final int ARTICLES_PER_CHUNK = 32;

    /**
     * What the job reads, writes and how.
     *
     * @param force redo articles even when unchanged since the last run
     */
    public record Settings(Path input, Path output, Set<Format> formats, boolean force) {
        /** Why the job cannot run with these folders (checked before any model is loaded), or empty. */
        public Optional<String> problem() {
            return JobFolders.problem(input, output);
        }
    }

    private final Settings settings;
    private final ArticleProcessor processor;
    private final Progress progress;
    private final Function<Path, ReadResult> reader;
    private final Function<Article, ArticlePlan> planner;

    /** @param progress where the job reports progress; the processor steps it for each translated batch */
    public BatchJob(Settings settings, ArticleProcessor processor, Progress progress) {
        this(settings, processor, progress, ArticleReaders::read, processor::plan);
    }

    /**
     * A job whose reader and planner tests replace by ones that fail unforeseen for one article: no known input
     * makes the real ones fail other than with their own one-line errors, yet a fault there must cost only that
     * article too.
     */
    BatchJob(Settings settings, ArticleProcessor processor, Progress progress, Function<Path, ReadResult> reader,
             Function<Article, ArticlePlan> planner) {
        this.settings = settings;
        this.processor = processor;
        this.progress = progress;
        this.reader = reader;
        this.planner = planner;
    }

    /**
     * Runs the job; the report is also written to the output folder.
     *
     * @throws IllegalArgumentException when the settings have a {@link Settings#problem() problem}
     */
    public RunReport run() throws IOException {
        settings.problem().ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        Instant started = Instant.now();
        try (OutputLock ignored = OutputLock.acquire(settings.output())) {
            RunState state = RunState.load(settings.output());
            OutputFolder folder = new OutputFolder(settings.output(), settings.formats());
            RunLedger ledger = new RunLedger();
            ReportStage report = new ReportStage(processor.identity(), settings.input(), folder, settings.output(),
                    processor.modelWarnings(), processor.memory().file());
            try (Interruption interruption = Interruption.watch(() -> report.interrupted(ledger, started, progress))) {
                try {
                    work(folder, state, ledger, report, interruption);
                    return interruption.last(() -> report.report(ledger, started, Optional.empty()));
                } catch (RuntimeException | Error e) {
                    interruption.last(() -> report.report(ledger, started,
                            Optional.of("the run stopped on an internal error (" + ArticleFaults.describe(e) + ")")));
                    throw e;
                }
            }
        }
    }

    private void work(OutputFolder folder, RunState state, RunLedger ledger, ReportStage report,
                      Interruption interruption) throws IOException {
        ReadStage read = new ReadStage(processor.identity(), state, folder, settings.formats(), settings.force(),
                progress, reader);
        WriteStage write = new WriteStage(folder, state, progress);
        List<ReadArticle> articles = read.read(settings.input(), ledger);
        report.warn(read.warnings());
        report.read(articles);
        Map<String, String> fingerprints = new HashMap<>();
        List<ArticlePlan> plans = new ArrayList<>();
        for (ReadArticle article : articles) {
            Outcome<ArticlePlan> plan = ArticleFaults.attempt(() -> planner.apply(article.article()));
            plan.value().ifPresent(plans::add);
            plan.error().ifPresent(e -> ledger.end(article.article().id(),
                    write.failed(article.article(), "planning failed: " + e)));
            fingerprints.put(article.article().id(), article.fingerprint());
        }
        // Progress counts model inputs: sentences, or the parts of those too long for the model; not those the
        // translation memory holds.
        progress.start("translating", processor.modelInputCount(plans), "segments");
        for (int from = 0; from < plans.size(); from += ARTICLES_PER_CHUNK) {
            List<ProcessedArticle> chunk = processor.process(
                    plans.subList(from, Math.min(plans.size(), from + ARTICLES_PER_CHUNK)));
            interruption.exclusive(() -> { // done work is never lost: an interruption waits for these files
                chunk.forEach(a -> ledger.end(a.article().id(), write.write(a, fingerprints.get(a.article().id()))));
                return null;
            });
        }
        progress.close();
        report.warn(processor.memory().warnings());
    }
}
