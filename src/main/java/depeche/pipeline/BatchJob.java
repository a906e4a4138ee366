package depeche.pipeline;

import depeche.document.ModelInfo;
import depeche.inference.LoadedModel;
import depeche.io.Format;
import depeche.io.OutputFolder;
import depeche.summarize.Summarizer;
import depeche.text.OneLine;
import depeche.translate.Translator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The nightly job: every article of the input folder, translated and summarized, written as bilingual files.
 * It strings the stages together, chunk by chunk: {@link ReadStage read} → {@link PlanStage plan} →
 * {@link TranslateStage translate} → {@link SummarizeStage summarize} → {@link WriteStage write} →
 * {@link ReportStage report}. An article that fails at any stage never stops the others; a lock keeps two
 * runs out of one output folder.
 */
public final class BatchJob {
    /** Articles translated together: enough for well-filled batches, few enough to write results steadily. */
    static final int ARTICLES_PER_CHUNK = 32;

    /**
     * What the job reads, writes and how.
     *
     * @param force redo articles even when unchanged since the last run
     */
    public record Settings(Path input, Path output, Set<Format> formats, boolean force, String toolVersion) {
    }

    private final Settings settings;
    private final Translator translator;
    private final Optional<Summarizer> summarizer;
    private final Progress progress;
    private final RunIdentity identity;

    /** @param summarizer empty when the run writes no summaries */
    public BatchJob(Settings settings, Translator translator, Optional<Summarizer> summarizer, Progress progress) {
        this.settings = settings;
        this.translator = translator;
        this.summarizer = summarizer;
        this.progress = progress;
        this.identity = identity(settings.toolVersion(), translator, summarizer);
    }

    /** Runs the job; the report is also written to the output folder. */
    public RunReport run() throws IOException {
        Instant started = Instant.now();
        try (OutputLock ignored = OutputLock.acquire(settings.output())) {
            RunState state = RunState.load(settings.output());
            OutputFolder folder = new OutputFolder(settings.output(), settings.formats());
            RunLedger ledger = new RunLedger();
            ReadStage read = new ReadStage(identity, state, folder, settings.formats(), settings.force(), progress);
            PlanStage plan = new PlanStage(translator.planner());
            Stages stages = new Stages(new TranslateStage(translator, progress), new SummarizeStage(summarizer),
                    new WriteStage(folder, state, identity, progress), progress);

            List<PlannedArticle> planned = read.read(settings.input(), ledger).stream().map(plan::plan).toList();
            // Progress counts model inputs: sentences, or the parts of those too long for the model.
            progress.start("translating", planned.stream().mapToInt(a -> a.plan().inputCount()).sum(), "segments");
            for (int from = 0; from < planned.size(); from += ARTICLES_PER_CHUNK) {
                stages.process(planned.subList(from, Math.min(planned.size(), from + ARTICLES_PER_CHUNK)));
            }
            progress.close();
            folder.writeIndex();
            return new ReportStage(identity, settings.input(), settings.output(), modelWarnings())
                    .report(ledger, started);
        }
    }

    /** The stages that work on chunks of articles. */
    private record Stages(TranslateStage translate, SummarizeStage summarize, WriteStage write, Progress progress) {
        /**
         * Translates, summarizes and writes the articles. Should a stage fail unforeseen, the articles it had
         * not ended are done again one by one, so that only the article at fault fails.
         */
        void process(List<PlannedArticle> articles) {
            try {
                summarize.summarize(translate.translate(articles)).forEach(write::write);
            } catch (RuntimeException | StackOverflowError e) {
                List<PlannedArticle> open = articles.stream().filter(a -> !a.read().entry().ended()).toList();
                if (open.size() > 1) {
                    open.forEach(article -> process(List.of(article)));
                } else {
                    open.forEach(article -> article.fail("processing failed: " + OneLine.of(e), Map.of(), List.of(),
                            progress));
                }
            }
        }
    }

    /** What loading the models found to warn about (config keys depeche ignores, say), model by model. */
    private List<String> modelWarnings() {
        return Stream.concat(Stream.of(translator.model()), summarizer.stream().flatMap(s -> s.models().stream()))
                .flatMap(model -> model.warnings().stream()).toList();
    }

    private static RunIdentity identity(String toolVersion, Translator translator, Optional<Summarizer> summarizer) {
        Stream<LoadedModel> models = Stream.concat(Stream.of(translator.model()),
                summarizer.stream().flatMap(s -> s.models().stream()));
        List<ModelInfo> infos = models.map(ModelIdentity::of).toList();
        Map<String, String> recorded = new LinkedHashMap<>(translator.settings());
        recorded.put("summarizer", summarizer.map(Summarizer::label).orElse("none"));
        summarizer.ifPresent(s -> recorded.putAll(s.settings()));
        return new RunIdentity(toolVersion, infos, recorded);
    }
}
