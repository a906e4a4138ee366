package depeche.cli;

import depeche.hub.ModelResolver;
import depeche.hub.Role;
import depeche.io.Format;
import depeche.pipeline.AbstractiveSummarizer;
import depeche.pipeline.Batcher;
import depeche.pipeline.BatchJob;
import depeche.pipeline.LoadedModel;
import depeche.pipeline.OutputLock;
import depeche.pipeline.Progress;
import depeche.pipeline.RunReport;
import depeche.pipeline.SentenceTranslator;
import depeche.pipeline.Summaries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code depeche run}: the batch job over a folder of French articles. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Translates every article of the input folder (.txt, .md, .html, .jsonl) and writes "
                + "bilingual files, a summary of each article, index.html and run-report.json to the output folder.",
                "Exit code 0 when every article succeeded, 1 when some failed (the others are still written), "
                        + "2 on usage errors."})
final class RunCommand implements Callable<Integer> {
    /** The summarizer choices of {@code --summarizer}. */
    enum SummarizerChoice { auto, abstractive, extractive, none }

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

    @Option(names = "--offline", description = "Never use the network: a missing default model is an error.")
    boolean offline;

    @Option(names = "--formats", paramLabel = "LIST", defaultValue = "md,json,html,tmx",
            description = "Output formats among md, json, html, tmx (default: ${DEFAULT-VALUE}).")
    String formats;

    @Option(names = "--summarizer", paramLabel = "KIND", defaultValue = "auto",
            description = "auto (the summarization model when installed, else extractive), abstractive, "
                    + "extractive or none (default: ${DEFAULT-VALUE}).")
    SummarizerChoice summarizer;

    @Option(names = "--summary-sentences", paramLabel = "N", defaultValue = "3",
            description = "Sentences in an extractive summary (default: ${DEFAULT-VALUE}). Abstractive summaries "
                    + "take their length from the model's generation_config.json.")
    int summarySentences;

    @Mixin
    GenerationOptions generationOptions;

    @Mixin
    ThreadsOption threads;

    @Option(names = "--max-sentence-tokens", paramLabel = "N",
            description = "Sentences longer than N tokens are split at clause boundaries, translated in parts and "
                    + "rejoined (default: ${DEFAULT-VALUE}, capped at what the model accepts).")
    int maxSentenceTokens = SentenceTranslator.DEFAULT_MAX_SENTENCE_TOKENS;

    @Option(names = "--force", description = "Redo every article, even those unchanged since the last run.")
    boolean force;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        threads.apply();
        Set<Format> chosen = parseFormats();
        if (!Files.isDirectory(input)) {
            throw new UsageException("the input folder " + input + " does not exist");
        }
        if (summarySentences < 1 || maxSentenceTokens < 8) {
            throw new UsageException("--summary-sentences must be at least 1 and --max-sentence-tokens at least 8");
        }
        ModelResolver resolver = ModelResolver.forCommandLine(models.dir, ModelsCommand.hubEnvironment(), offline);
        List<LoadedModel> loaded = new ArrayList<>();
        try {
            LoadedModel translation = load(loaded, resolver.resolve(Role.TRANSLATION, translationModel));
            Summaries summaries = summaries(resolver, loaded);
            BatchJob job = new BatchJob(
                    new BatchJob.Settings(input, output, chosen, maxSentenceTokens, force, Main.VERSION),
                    translation, generationOptions.applyTo(translation.generationDefaults()), summaries,
                    Progress.forStderr());
            RunReport report;
            try {
                report = job.run();
            } catch (OutputLock.LockedException e) {
                throw new UsageException(e.getMessage());
            }
            RunReport.Counts c = report.counts();
            spec.commandLine().getErr().println(String.format(Locale.ROOT,
                    "depeche: %d article%s: %d translated, %d skipped (unchanged), %d failed in %.1f s; report: %s",
                    c.articles(), c.articles() == 1 ? "" : "s", c.translated(), c.skipped(), c.failed(),
                    report.seconds(), output.resolve("run-report.json")));
            return report.allSucceeded() ? Main.EXIT_OK : Main.EXIT_SOME_FAILED;
        } finally {
            loaded.forEach(LoadedModel::close);
        }
    }

    private Set<Format> parseFormats() {
        try {
            return Format.parse(formats);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--formats: " + e.getMessage());
        }
    }

    private Summaries summaries(ModelResolver resolver, List<LoadedModel> loaded) {
        return switch (summarizer) {
            case none -> new Summaries.None();
            case extractive -> new Summaries.Extractive(summarySentences);
            case abstractive -> abstractive(load(loaded, resolver.resolve(Role.SUMMARIZATION, summaryModel)));
            case auto -> summaryModel != null
                    ? abstractive(load(loaded, resolver.resolve(Role.SUMMARIZATION, summaryModel)))
                    : resolver.installed(Role.SUMMARIZATION)
                            .<Summaries>map(dir -> abstractive(load(loaded, dir)))
                            .orElseGet(() -> new Summaries.Extractive(summarySentences));
        };
    }

    private static Summaries abstractive(LoadedModel model) {
        return new Summaries.Abstractive(
                new AbstractiveSummarizer(model, model.generationDefaults(), Batcher.forGeneration()));
    }

    private static LoadedModel load(List<LoadedModel> loaded, Path folder) {
        LoadedModel model = LoadedModel.load(folder);
        loaded.add(model);
        return model;
    }
}
