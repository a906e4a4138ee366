package depeche.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.cli.Main;
import depeche.cli.UsageException;
import depeche.io.Format;
import depeche.io.IndexEntry;
import depeche.pipeline.ArticleFaults;
import depeche.pipeline.IndexEntries;
import depeche.pipeline.OutputLock;
import depeche.pipeline.RunIdentity;
import depeche.pipeline.RunReport;
import depeche.pipeline.RunReport.ArticleReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.HashPartitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * {@code depeche run} on Spark, driven from here: read (on the executors) → admit (ids, chunks; here) →
 * process and write each chunk's articles (a task per chunk, {@link ChunkTask}) → the results dataset
 * ({@link ResultTables}) → {@code index.html} and {@code run-report.json}. Two things differ from run: every
 * article is redone (there is no skipping of unchanged articles, so no {@code .depeche-state.json}), and only
 * a local output folder is locked against a second run.
 */
final class SparkJob {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Run's record of what it made (pipeline.RunState): this job replaces files without recording theirs. */
    private static final String RUN_STATE = ".depeche-state.json";

    /**
     * What the job reads, writes and how.
     *
     * @param input  a folder of article files, an article file or a Parquet dataset, on any Hadoop file system
     * @param output the output folder, on any Hadoop file system
     */
    record Settings(String input, String output, Set<Format> formats, ModelSettings models) {
    }

    /**
     * What the job did.
     *
     * @param loads   per executor, how many times its JVM loaded each model folder
     * @param threads the PyTorch threads the tasks had (one value, unless executors were set up differently)
     */
    record Outcome(RunReport report, Map<String, Map<String, Integer>> loads, Set<Integer> threads) {
    }

    private final SparkSession spark;
    private final Settings settings;
    private final PrintWriter err;

    SparkJob(SparkSession spark, Settings settings, PrintWriter err) {
        this.spark = spark;
        this.settings = settings;
        this.err = err;
    }

    /**
     * Runs the job: every article ends as a row of the results, translated or failed.
     *
     * @throws depeche.cli.UsageException when the input is unusable
     * @throws OutputLock.LockedException when another run holds the (local) output folder
     * @throws org.apache.spark.SparkException when a task failed as a whole (a model that cannot be loaded)
     */
    Outcome run() throws IOException {
        Instant started = Instant.now();
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        checkOutput(hadoop);
        InputSource input = InputSource.open(spark, settings.input());
        ArticleOutput.Location location = new ArticleOutput.Location(settings.output(), settings.formats());
        Optional<Path> local = location.local(hadoop);
        try (OutputLock ignored = local.isPresent() ? OutputLock.acquire(local.get()) : null) {
            if (local.isPresent()) {
                // Run would trust the fingerprints of articles whose files this job replaces: it must redo them.
                Files.deleteIfExists(local.get().resolve(RUN_STATE));
            }
            return process(input, location, started);
        }
    }

    /**
     * Refuses, as run does, an output that is a file, or the input folder itself: {@code a.md} would be
     * overwritten by its own bilingual file, and every later job would read depeche's files back as articles.
     */
    private void checkOutput(Configuration hadoop) throws IOException {
        org.apache.hadoop.fs.Path input = new org.apache.hadoop.fs.Path(settings.input());
        org.apache.hadoop.fs.Path output = new org.apache.hadoop.fs.Path(settings.output());
        FileSystem outputFs = output.getFileSystem(hadoop);
        if (outputFs.isFile(output)) {
            throw new UsageException("the output " + settings.output() + " is a file; give a folder (it is created "
                    + "when missing)");
        }
        if (input.getFileSystem(hadoop).makeQualified(input).equals(outputFs.makeQualified(output))) {
            throw new UsageException("the input and the output are the same folder (" + settings.input() + "): the "
                    + "bilingual files would overwrite the articles they come from; give another output folder");
        }
    }

    private Outcome process(InputSource input, ArticleOutput.Location location, Instant started) throws IOException {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        err.println("depeche: reading " + input.description());
        JavaRDD<InputEntry> entries = input.entries(spark).persist(StorageLevel.MEMORY_AND_DISK());
        Admission admission = Admission.of(entries.map(InputEntry::withoutText).collect());
        Broadcast<long[]> kept = jsc.broadcast(admission.kept());
        int articles = admission.kept().length;
        err.printf("depeche: translating %d article%s in %d task%s%n", articles, articles == 1 ? "" : "s",
                admission.chunks(), admission.chunks() == 1 ? "" : "s");

        CollectionAccumulator<ExecutorReport> executors = spark.sparkContext()
                .collectionAccumulator("depeche executors");
        JavaRDD<ArticleResult> processed = entries
                .filter(entry -> entry.readable() && Admission.chunkOf(kept.value(), entry.position()) >= 0)
                .mapToPair(entry -> new Tuple2<>(Admission.chunkOf(kept.value(), entry.position()), entry))
                .partitionBy(new HashPartitioner(Math.max(1, admission.chunks()))) // chunk c → partition c
                .mapPartitions(new ChunkTask(settings.models(), location,
                        SerializableConfiguration.broadcast(spark.sparkContext()), executors));
        JavaRDD<ArticleResult> results = processed.union(jsc.parallelize(admission.failed(), 1))
                .persist(StorageLevel.MEMORY_AND_DISK());
        results.count(); // every chunk at full parallelism, before the tables are written from the cache
        entries.unpersist();
        ResultTables.write(spark, results, settings.output());
        List<ArticleRow> rows = new ArrayList<>(results.map(ArticleResult::article).collect());
        results.unpersist();
        rows.sort(Comparator.comparingLong(ArticleRow::position));
        rows.stream().filter(row -> row.error() != null).forEach(row -> err.println("depeche: "
                + (row.error().startsWith(row.source()) ? row.error() : row.source() + ": " + row.error())));

        ArticleOutput files = location.open(spark.sparkContext().hadoopConfiguration());
        RunReport report = report(rows, executors.value(), started, List.of());
        // As run: the index from the report; failing to write it costs no article, but the run did not deliver it.
        RunReport from = report;
        Optional<String> indexFailed = ArticleFaults.attempt(() -> {
            files.writeIndex(indexEntries(rows, from));
            return true; // an outcome holds a value
        }).error();
        if (indexFailed.isPresent()) {
            report = report(rows, executors.value(), started, List.of("index.html was not written: "
                    + indexFailed.get()));
        }
        files.writeReport(report);
        return new Outcome(report, loads(executors.value()),
                executors.value().stream().map(ExecutorReport::threads).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** @param errors what went wrong with the job as a whole */
    private RunReport report(List<ArticleRow> rows, List<ExecutorReport> executors, Instant started,
                             List<String> errors) throws IOException {
        List<String> identities = executors.stream().map(ExecutorReport::identity).distinct().toList();
        RunIdentity identity = identities.isEmpty() ? new RunIdentity(Main.VERSION, List.of(), Map.of())
                : JSON.readValue(identities.get(0), RunIdentity.class);
        List<String> warnings = new ArrayList<>(executors.isEmpty() ? List.of() : executors.get(0).modelWarnings());
        if (identities.size() > 1) {
            warnings.add("executors ran different models or settings (their model folders differ): "
                    + String.join("; ", identities));
        }
        List<ArticleReport> articles = rows.stream().map(ArticleRow::report).toList();
        Instant finished = Instant.now();
        return new RunReport(RunReport.FORMAT, identity.toolVersion(), started.toString(), finished.toString(),
                Duration.between(started, finished).toMillis() / 1000.0, settings.input(), settings.output(),
                identity.models(), identity.settings(), warnings, errors, RunReport.Counts.of(articles), null,
                articles);
    }

    /**
     * The run's part of {@code index.html}: each report entry, with the headline and date of the article read with
     * its id (the first with it: a later article whose id was taken is listed under the first one's headline, as
     * run lists it).
     */
    private static List<IndexEntry> indexEntries(List<ArticleRow> rows, RunReport report) {
        Map<String, ArticleRow> read = new HashMap<>();
        rows.stream().filter(row -> row.title() != null).forEach(row -> read.putIfAbsent(row.id(), row));
        return report.articles().stream().map(entry -> {
            Optional<ArticleRow> article = Optional.ofNullable(read.get(entry.id()));
            return IndexEntries.entry(entry, article.map(ArticleRow::title), article.map(ArticleRow::date));
        }).toList();
    }

    /** Per executor, the most each task saw its JVM load each model (tasks report what their JVM did so far). */
    private static Map<String, Map<String, Integer>> loads(List<ExecutorReport> executors) {
        Map<String, Map<String, Integer>> loads = new TreeMap<>();
        for (ExecutorReport executor : executors) {
            Map<String, Integer> mine = loads.computeIfAbsent(executor.executor(), e -> new TreeMap<>());
            executor.loads().forEach((folder, count) -> mine.merge(folder, count, Math::max));
        }
        return loads;
    }
}
