package depeche.cli;

import depeche.generate.GenerationConfig;
import depeche.hub.ModelResolver;
import depeche.hub.Role;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.memory.MemoryStore;
import depeche.memory.TranslationMemory;
import depeche.pipeline.ArticleProcessor;
import depeche.pipeline.BatchJob;
import depeche.pipeline.OutputLock;
import depeche.pipeline.Progress;
import depeche.pipeline.RunReport;
import depeche.translate.Translator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code depeche run}: the batch job over a folder of French articles. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Translates every article of the input folder (.txt, .md, .html, .jsonl) and writes "
                + "bilingual files, a summary of each article, index.html and run-report.json to the output folder.",
                "--beams and --max-length set the translation; abstractive summaries take every generation "
                        + "setting from the summarization model's generation_config.json.",
                "Exit code 0 when every article succeeded, 1 when some failed (the others are still written), "
                        + "2 on usage errors; interrupted (Ctrl-C, SIGTERM), it reports what it did and exits with "
                        + "130 or 143."})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "DIR", defaultValue = "seeds",
            description = "Folder of French articles (default: ${DEFAULT-VALUE}).")
    Path input;

    @Option(names = "--output", paramLabel = "DIR", defaultValue = "output",
            description = "Folder for the bilingual files and the run report (default: ${DEFAULT-VALUE}).")
    Path output;

    @Mixin
    ModelsDirOption models;

    @Option(names = "--translation-model", paramLabel = "DIR",
            description = "Translation model folder; default: opus-mt-fr-en in the models folder.")
    Path translationModel;

    @Option(names = "--summary-model", paramLabel = "DIR",
            description = "Summarization model folder; default: distilbart-cnn-6-6 in the models folder.")
    Path summaryModel;

    @Mixin
    OfflineOption offline;

    @Mixin
    FormatsOption formats;

    @Mixin
    SummaryOptions summary;

    @Mixin
    GenerationOptions generationOptions;

    @Mixin
    SentenceLimitOption sentenceLimit;

    @Mixin
    ThreadsOption threads;

    @Mixin
    QualityOptions quality;

    @Option(names = "--force", description = "Redo every article, even those unchanged since the last run.")
    boolean force;

    @Mixin
    MemoryOptions memoryOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        quality.prepare();
        BatchJob.Settings settings = new BatchJob.Settings(input, output, formats.formats(), force);
        Optional<String> problem = settings.problem();
        if (problem.isPresent()) {
            throw new UsageException(problem.get());
        }
        ModelResolver resolver = ModelResolver.forCommandLine(models.dir, ModelsCommand.hubEnvironment(),
                offline.offline);
        List<LoadedModel> loaded = new ArrayList<>();
        TranslationMemory memory = memoryOptions.memory(Optional.of(output.resolve(MemoryStore.DEFAULT_FILE_NAME)),
                "run", spec.commandLine().getErr());
        try (memory) {
            LoadedModel translation = load(loaded, resolver.resolve(Role.TRANSLATION, translationModel));
            GenerationConfig generation = generationOptions.applyTo(translation.generationDefaults());
            quality.warnIfUnscored(generation, spec.commandLine().getErr());
            Translator translator = new Translator(translation, generation, Batcher.forGeneration(),
                    sentenceLimit.maxSentenceTokens, memory);
            Progress progress = Progress.forStderr(spec.commandLine().getErr());
            ArticleProcessor processor = new ArticleProcessor(translator,
                    summary.choice().summarizer(resolver, summaryModel, dir -> load(loaded, dir)),
                    quality.checks(), Main.VERSION, progress::step);
            BatchJob job = new BatchJob(settings, processor, progress);
            RunReport report;
            try {
                report = job.run();
            } catch (OutputLock.LockedException e) {
                throw new UsageException(e.getMessage());
            }
            report.errors().forEach(e -> spec.commandLine().getErr().println("depeche: error: " + e));
            RunReport.Counts c = report.counts();
            String reused = report.memory() == null ? "" : String.format(Locale.ROOT,
                    "; memory: %d hits, %d reviewed, %d translated by the model", report.memory().hits(),
                    report.memory().reviewed(), report.memory().misses());
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "depeche: %d article%s: %d translated, %d skipped (unchanged), %d failed in %.1f s%s; report: %s",
                    c.articles(), c.articles() == 1 ? "" : "s", c.translated(), c.skipped(), c.failed(),
                    report.seconds(), reused, output.resolve("run-report.json")));
            return report.allSucceeded() ? Main.EXIT_OK : Main.EXIT_SOME_FAILED;
        } finally {
            loaded.forEach(LoadedModel::close);
        }
    }

    private LoadedModel load(List<LoadedModel> loaded, Path folder) {
        LoadedModel model = LoadedModel.load(folder);
        loaded.add(model);
        model.warnings().forEach(w -> spec.commandLine().getErr().println("depeche: warning: " + w));
        return model;
    }
}
