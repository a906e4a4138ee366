package depeche.spark;

import depeche.cli.FormatsOption;
import depeche.cli.GenerationOptions;
import depeche.cli.Main;
import depeche.cli.QualityOptions;
import depeche.cli.SentenceLimitOption;
import depeche.cli.SummaryOptions;
import depeche.cli.UsageException;
import depeche.pipeline.OutputLock;
import depeche.pipeline.RunReport;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code spark-submit --class depeche.spark.SparkRun target/depeche.jar --input ... --output ...}: the batch job
 * of {@code depeche run} on a Spark cluster, each executor JVM loading each model once. Options, outputs and exit
 * codes are run's; the output folder also gets the results dataset ({@code articles/}, {@code sentences/}).
 */
@Command(name = "depeche.spark.SparkRun", mixinStandardHelpOptions = true, version = "depeche " + Main.VERSION,
        description = {"Translates every article of the input (a folder of .txt, .md, .html, .jsonl files, or a "
                + "Parquet dataset of id, title, text[, url, date]) on Spark, and writes run's bilingual files, "
                + "index.html and run-report.json, and a Parquet dataset of the results (articles/, sentences/), "
                + "to the output folder. Input and output may be on any Hadoop file system.",
                "Model folders are read on each executor: a path every executor sees, or one relative to its "
                        + "working directory (where spark-submit --archives unpacks).",
                "Exit code 0 when every article succeeded, 1 when some failed (the others are still written), "
                        + "2 on usage errors or an unusable model folder."})
public final class SparkRun implements Callable<Integer> {

    @Option(names = "--input", paramLabel = "URI", required = true,
            description = "Folder of French articles, an article file, or a Parquet dataset.")
    String input;

    @Option(names = "--output", paramLabel = "URI", required = true,
            description = "Folder for the bilingual files, the report and the results dataset.")
    String output;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Models folder on each executor, for the default models (default: ${DEFAULT-VALUE}).")
    String models;

    @Option(names = "--translation-model", paramLabel = "DIR",
            description = "Translation model folder; default: opus-mt-fr-en in the models folder.")
    String translationModel;

    @Option(names = "--summary-model", paramLabel = "DIR",
            description = "Summarization model folder; default: distilbart-cnn-6-6 in the models folder.")
    String summaryModel;

    @Mixin
    FormatsOption formats;

    @Mixin
    SummaryOptions summary;

    @Mixin
    GenerationOptions generation;

    @Mixin
    SentenceLimitOption sentenceLimit;

    @Mixin
    QualityOptions quality;

    @Spec
    CommandSpec spec;

    private final Supplier<SparkSession> session;

    /** @param session the Spark session to run in, asked for once the options are known to be good */
    SparkRun(Supplier<SparkSession> session) {
        this.session = session;
    }

    /** The entry point of {@code spark-submit}: runs in the session spark-submit configured, then exits. */
    public static void main(String[] args) {
        SparkSession[] started = new SparkSession[1]; // none for --help or bad options
        int code = commandLine(() -> started[0] = SparkSession.builder().appName("depeche").getOrCreate())
                .execute(args);
        if (started[0] != null) {
            started[0].stop();
        }
        System.exit(code);
    }

    /**
     * The command line, with {@code depeche}'s handling of bad options (one line, exit 2) and failures (exit 2
     * for a usage error or an unusable model folder, 3 for a bug); tests run it in their own session.
     */
    static CommandLine commandLine(Supplier<SparkSession> session) {
        CommandLine depeche = Main.commandLine();
        return new CommandLine(new SparkRun(session))
                .setParameterExceptionHandler(depeche.getParameterExceptionHandler())
                .setExecutionExceptionHandler(depeche.getExecutionExceptionHandler());
    }

    @Override
    public Integer call() throws Exception {
        ModelSettings modelSettings = new ModelSettings(models, translationModel, summaryModel, summary.choice(),
                generation.overrides(), sentenceLimit.maxSentenceTokens(), quality.minConfidence());
        PrintWriter err = spec.commandLine().getErr();
        SparkJob.Outcome outcome;
        try {
            outcome = new SparkJob(session.get(), new SparkJob.Settings(input, output, formats.formats(), modelSettings), err)
                    .run();
        } catch (OutputLock.LockedException e) {
            throw new UsageException(e.getMessage());
        } catch (Exception e) { // a failed Spark job is a SparkException, thrown undeclared from Scala
            throw unusableModel(e).<Exception>map(model -> new UsageException(model.getMessage())).orElse(e);
        }
        RunReport.Counts c = outcome.report().counts();
        err.println(String.format(Locale.ROOT,
                "depeche: %d article%s: %d translated, %d failed in %.1f s; report: %s",
                c.articles(), c.articles() == 1 ? "" : "s", c.translated(), c.failed(), outcome.report().seconds(),
                new org.apache.hadoop.fs.Path(output, RunReport.FILE_NAME)));
        err.println("depeche: model loads: " + describe(outcome.loads()));
        err.println("depeche: PyTorch threads per task: " + (outcome.threads().isEmpty() ? "none ran"
                : outcome.threads().stream().map(String::valueOf).collect(Collectors.joining(", "))));
        err.flush();
        return outcome.report().allSucceeded() ? Main.EXIT_OK : Main.EXIT_SOME_FAILED;
    }

    /** The unusable model folder that failed the tasks, when that is why the job failed (exit 2, not 3). */
    private static Optional<UnusableModelException> unusableModel(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnusableModelException model) {
                return Optional.of(model);
            }
        }
        return Optional.empty();
    }

    /** Per model folder, how many times it was loaded in all, in how many executor JVMs ("… 2 times in 2 …"). */
    private static String describe(Map<String, Map<String, Integer>> loads) {
        Map<String, int[]> perFolder = new TreeMap<>();
        loads.values().forEach(jvm -> jvm.forEach((folder, count) -> {
            int[] sums = perFolder.computeIfAbsent(folder, f -> new int[2]);
            sums[0] += count;
            sums[1]++;
        }));
        if (perFolder.isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        perFolder.forEach((folder, sums) -> text.append(text.isEmpty() ? "" : ", ").append(folder).append(' ')
                .append(sums[0]).append(" time").append(sums[0] == 1 ? "" : "s").append(" in ").append(sums[1])
                .append(" executor JVM").append(sums[1] == 1 ? "" : "s"));
        return text.toString();
    }
}
