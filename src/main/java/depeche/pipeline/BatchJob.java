package depeche.pipeline;

import depeche.io.Format;
import depeche.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The nightly job: every article of the input folder, translated and summarized, written as bilingual files.
 * It strings the stages together: {@link ReadStage read} → ({@link ArticleProcessor}: plan → translate →
 * summarize, chunk by chunk) → {@link WriteStage write} → {@link ReportStage report}. An article that fails at
 * any stage never stops the others; a lock keeps two runs out of one output folder.
 */
public final class BatchJob {
    /** Articles translated together: enough for well-filled batches, few enough to write results steadily. */
    static final int ARTICLES_PER_CHUNK = 32;

    /**
     * What the job reads, writes and how.
     *
     * @param force redo articles even when unchanged since the last run
     */
    public record Settings(Path input, Path output, Set<Format> formats, boolean force) {
    }

    private final Settings settings;
    private final ArticleProcessor processor;
    private final Progress progress;

    /** @param progress where the job reports progress; the processor steps it for each translated batch */
    public BatchJob(Settings settings, ArticleProcessor processor, Progress progress) {
        this.settings = settings;
        this.processor = processor;
        this.progress = progress;
    }

    /** Runs the job; the report is also written to the output folder. */
    public RunReport run() throws IOException {
        Instant started = Instant.now();
        try (OutputLock ignored = OutputLock.acquire(settings.output())) {
            RunState state = RunState.load(settings.output());
            OutputFolder folder = new OutputFolder(settings.output(), settings.formats());
            RunLedger ledger = new RunLedger();
            ReadStage read = new ReadStage(processor.identity(), state, folder, settings.formats(), settings.force(),
                    progress);
            WriteStage write = new WriteStage(folder, state, progress);

            List<ReadArticle> articles = read.read(settings.input(), ledger);
            Map<String, String> fingerprints = articles.stream()
                    .collect(Collectors.toMap(a -> a.article().id(), ReadArticle::fingerprint));
            List<ArticlePlan> plans = articles.stream().map(a -> processor.plan(a.article())).toList();
            // Progress counts model inputs: sentences, or the parts of those too long for the model; not those the
            // translation memory holds.
            progress.start("translating", processor.modelInputCount(plans), "segments");
            for (int from = 0; from < plans.size(); from += ARTICLES_PER_CHUNK) {
                for (ProcessedArticle processed : processor.process(
                        plans.subList(from, Math.min(plans.size(), from + ARTICLES_PER_CHUNK)))) {
                    String id = processed.article().id();
                    ledger.end(id, write.write(processed, fingerprints.get(id)));
                }
            }
            progress.close();
            List<String> warnings = new ArrayList<>(processor.modelWarnings());
            warnings.addAll(processor.memory().warnings());
            RunReport report = new ReportStage(processor.identity(), settings.input(), settings.output(), warnings,
                    processor.memory().file()).report(ledger, started);
            // After the report, from its data: failed and skipped articles are listed too.
            folder.writeIndex(IndexEntries.of(report, articles));
            return report;
        }
    }
}
