package depeche.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.io.ArticleReaders;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark job in local mode against {@code depeche run} on the same input, with the tiny fixture models: the
 * same files, file for file, and a results dataset that says what run's files and report say, id for id. Only
 * timings differ by nature; each comparison says what it leaves out.
 */
class SparkRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEED = Path.of("seeds/000_8e5b8d439f3d6119.txt");
    /** Timings in the review pages: {@code <dt>translation time</dt><dd>12 ms</dd>}. */
    private static final Pattern HTML_TIMING = Pattern.compile("(<dt>[a-z]+ time</dt>\\s*<dd>)\\d+ ms(</dd>)");
    /** Files that are not outputs: run's lock and run's record of what it made (the Spark job keeps none). */
    private static final String ALL_FORMATS = "md,json,html,tmx,xliff";
    private static final List<String> NOT_OUTPUTS = List.of(".depeche.lock", ".depeche-state.json");

    @TempDir
    static Path tmp;
    static SparkSession spark;
    static Path input;
    static Path runOutput;
    static Path sparkOutput;
    static Cli.Result run;
    static Cli.Result sparkRun;

    @BeforeAll
    static void runBothOnFortyArticles() throws IOException {
        input = Files.createDirectories(tmp.resolve("in"));
        writeFortyArticles(input);
        runOutput = tmp.resolve("run-out");
        sparkOutput = tmp.resolve("spark-out");
        // run first, with two threads: the job's tasks must not keep them, but take spark.task.cpus (1).
        // The Spark job has no translation memory: run uses none either.
        run = Cli.run(withModels("run", "--input", input.toString(), "--output", runOutput.toString(), "--offline",
                "--threads", "2", "--no-memory", "--formats", ALL_FORMATS));
        spark = SparkSessions.local(tmp);
        sparkRun = SparkSessions.run(spark, withModels("--input", input.toString(), "--output",
                sparkOutput.toString(), "--formats", ALL_FORMATS));
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    /**
     * Both runs' model options: the fixtures, beam search (so sentences have a confidence), short outputs (so some
     * are cut, with a warning, and the test stays quick), no default models.
     */
    private static String[] withModels(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--translation-model", Fixtures.dir(Fixtures.MARIAN).toString(),
                "--summary-model", Fixtures.dir(Fixtures.BART).toString(), "--beams", "2", "--max-length", "24",
                "--models", tmp.resolve("no-models").toString()));
        return all.toArray(String[]::new);
    }

    /**
     * 40 articles from the seed's paragraphs: 30 {@code .txt}, one {@code .md}, one {@code .html} and a
     * {@code .jsonl} of 8; the {@code .jsonl} also holds a bad line and a record whose id a {@code .txt} took.
     */
    static void writeFortyArticles(Path folder) throws IOException {
        List<String> paragraphs = ArticleReaders.read(SEED).articles().get(0).paragraphs();
        for (int i = 0; i < 30; i++) {
            Files.writeString(folder.resolve(String.format("t%02d.txt", i)), "Titre numéro " + i + " de la série\n"
                    + String.join("\n", paragraphs.subList(i % 10, i % 10 + 1 + i % 2)), StandardCharsets.UTF_8);
        }
        // Code and a table: the executors must keep them as read (code never reaches the model).
        Files.writeString(folder.resolve("m.md"), "# Un titre en Markdown\n\n" + paragraphs.get(0) + "\n\n- "
                + paragraphs.get(1) + "\n\n```python\nprix = 3 # pas traduit\n```\n\n| Ville | Pays |\n|---|---|\n"
                + "| Paris | France |\n", StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("h.html"), "<html><head><title>Site</title></head><body><nav>Menu</nav>"
                + "<article><h1>Un titre en HTML</h1><p>" + paragraphs.get(2) + "</p><p>" + paragraphs.get(3)
                + "</p></article></body></html>", StandardCharsets.UTF_8);
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            jsonl.append(JSON.writeValueAsString(Map.of("id", "j" + i, "title", "Dépêche " + i,
                    "text", paragraphs.get(10 - i), "url", "https://example.fr/" + i)))
                    .append('\n');
            if (i == 3) {
                jsonl.append("{\"id\": \"no-title\", \"text\": \"Du texte.\"}\n");
            }
        }
        jsonl.append(JSON.writeValueAsString(Map.of("id", "t05", "title", "Doublon", "text", "Un texte.")));
        Files.writeString(folder.resolve("z.jsonl"), jsonl, StandardCharsets.UTF_8);
    }

    @Test
    void bothEndAlikeWithExitCode1ForTheTwoEntriesThatCannotBeTranslated() {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(sparkRun.exitCode()).as(sparkRun.err()).isEqualTo(1);
        assertThat(run.err()).contains("depeche: 42 articles: 40 translated, 0 skipped (unchanged), 2 failed");
        assertThat(sparkRun.err()).contains("depeche: translating 40 articles in 2 tasks")
                .contains("depeche: 42 articles: 40 translated, 2 failed")
                .contains("z.jsonl:5: missing field 'title'")
                .contains("article id 't05' is already used by " + input.resolve("t05.txt"));
    }

    /**
     * Every file run writes, the Spark job writes, with the same bytes; left out: the timings in
     * {@code <id>.json} ({@code timings_ms}) and in {@code <id>.html} (the "… time" facts), run's
     * {@code .depeche.lock} and {@code .depeche-state.json}, the run report (compared below) and the dataset.
     */
    @Test
    void theSparkJobWritesRunsFilesFileForFile() throws IOException {
        TreeSet<String> runFiles = outputs(runOutput);
        assertThat(outputs(sparkOutput)).isEqualTo(runFiles);
        assertThat(runFiles).hasSize(40 * 5 + 1)
                .contains("index.html", "t00.md", "j7.tmx", "m.json", "h.html", "t29.xlf");
        assertThat(Files.readString(sparkOutput.resolve("m.json"))).contains("\"kind\" : \"code\"")
                .contains("\"kind\" : \"table\"");
        for (String name : runFiles) {
            String expected = Files.readString(runOutput.resolve(name));
            String actual = Files.readString(sparkOutput.resolve(name));
            if (name.endsWith(".json")) {
                assertThat(withoutTimings(actual)).as(name).isEqualTo(withoutTimings(expected));
            } else if (name.endsWith(".html")) {
                assertThat(HTML_TIMING.matcher(actual).replaceAll("$1# ms$2")).as(name)
                        .isEqualTo(HTML_TIMING.matcher(expected).replaceAll("$1# ms$2"));
            } else {
                assertThat(actual).as(name).isEqualTo(expected);
            }
        }
    }

    /**
     * The same report, article for article and in the same order; left out: when it started and ended, the
     * seconds (the run's and each article's) and the output folder, which differ by nature.
     */
    @Test
    void theRunReportIsRunsButForTimesAndTheOutputFolder() throws IOException {
        JsonNode expected = comparableReport(runOutput);
        JsonNode actual = comparableReport(sparkOutput);
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.at("/counts/articles").asInt()).isEqualTo(42);
        assertThat(actual.at("/models")).hasSize(2);
    }

    /**
     * One row per article, id for id with run's report (status, counts, outputs, warnings, error) and files
     * (headlines, summary); one row per sentence pair with run's {@code <id>.json} (French, English, confidence,
     * warnings), in reading order; both tables committed ({@code _SUCCESS}).
     */
    @Test
    void theDatasetSaysWhatRunsFilesSayIdForId() throws IOException {
        assertThat(sparkOutput.resolve("articles/_SUCCESS")).exists();
        assertThat(sparkOutput.resolve("sentences/_SUCCESS")).exists();
        Map<String, Row> articles = new HashMap<>();
        for (Row row : spark.read().parquet(sparkOutput.resolve("articles").toString()).collectAsList()) {
            articles.put(row.getAs("id") + "@" + row.getAs("source"), row);
        }
        JsonNode report = JSON.readTree(runOutput.resolve("run-report.json").toFile());
        assertThat(articles).hasSize(report.get("articles").size());
        assertThat(articles.values().stream().filter(row -> row.getAs("id").equals("j3"))
                .map(row -> row.<String>getAs("url"))).containsExactly("https://example.fr/3");
        for (JsonNode expected : report.get("articles")) {
            Row row = articles.get(expected.get("id").asText() + "@" + expected.get("source").asText());
            assertThat(row).as(expected.toString()).isNotNull();
            assertThat((String) row.getAs("status")).isEqualTo(expected.get("status").asText());
            assertThat((int) row.getAs("sentences")).isEqualTo(expected.path("sentences").asInt());
            assertThat(row.<scala.collection.Seq<String>>getAs("outputs").mkString(","))
                    .isEqualTo(String.join(",", texts(expected.path("outputs"))));
            assertThat(row.<scala.collection.Seq<String>>getAs("warnings").mkString("\n"))
                    .isEqualTo(String.join("\n", texts(expected.path("warnings"))));
            assertThat((String) row.getAs("error")).isEqualTo(expected.path("errors").path(0).textValue());
            if (expected.get("status").asText().equals("translated")) {
                JsonNode json = JSON.readTree(runOutput.resolve(expected.get("id").asText() + ".json").toFile());
                assertThat((String) row.getAs("title")).isEqualTo(json.at("/title/fr").asText());
                assertThat((String) row.getAs("translated_title")).isEqualTo(json.at("/title/en").asText());
                assertThat((String) row.getAs("summary")).isEqualTo(json.at("/summary/en").asText());
                assertThat((String) row.getAs("summary_method")).isEqualTo("abstractive");
                assertThat((String) row.getAs("url")).isEqualTo(json.at("/source/url").textValue());
                assertThat((String) row.getAs("date")).isEqualTo(json.at("/source/date").textValue());
            }
        }

        Map<String, List<String>> sentences = new HashMap<>();
        for (Row row : spark.read().parquet(sparkOutput.resolve("sentences").toString())
                .orderBy("article_id", "paragraph", "sentence").collectAsList()) {
            sentences.computeIfAbsent(row.getAs("article_id"), id -> new ArrayList<>()).add(row.getAs("paragraph")
                    + "." + row.getAs("sentence") + " " + row.getAs("source") + " | " + row.getAs("target") + " | "
                    + row.getAs("confidence") + " | " + row.<scala.collection.Seq<String>>getAs("warnings").mkString(";")
                    + " | " + row.<scala.collection.Seq<String>>getAs("flags").mkString(";"));
        }
        assertThat(sentences).hasSize(40);
        for (Map.Entry<String, List<String>> article : sentences.entrySet()) {
            JsonNode json = JSON.readTree(runOutput.resolve(article.getKey() + ".json").toFile());
            List<String> expected = new ArrayList<>();
            for (int p = 0; p < json.get("paragraphs").size(); p++) {
                JsonNode pairs = json.get("paragraphs").get(p).get("sentences");
                for (int s = 0; s < pairs.size(); s++) {
                    JsonNode pair = pairs.get(s);
                    expected.add((p + 1) + "." + (s + 1) + " " + pair.get("fr").asText() + " | "
                            + pair.get("en").asText() + " | " + pair.get("confidence").asDouble() + " | "
                            + String.join(";", texts(pair.path("warnings"))) + " | "
                            + String.join(";", pair.path("flags").findValuesAsText("code")));
                }
            }
            assertThat(article.getValue()).as(article.getKey()).isEqualTo(expected);
        }
    }

    /**
     * Two tasks ran at once in this one executor JVM (local[2]), and each model was loaded once for both; the
     * tasks' PyTorch had {@code spark.task.cpus} (1) threads, though run had asked for two before.
     */
    @Test
    void eachModelWasLoadedOnceInTheExecutorJvmForBothTasks() {
        assertThat(sparkRun.err()).contains("depeche: PyTorch threads per task: 1\n");
        Map<String, Integer> loads = ExecutorModels.loads();
        assertThat(loads).containsEntry(Fixtures.dir(Fixtures.MARIAN).toString(), 1)
                .containsEntry(Fixtures.dir(Fixtures.BART).toString(), 1);
        assertThat(sparkRun.err()).contains("in 2 tasks")
                .contains("model loads: " + Fixtures.dir(Fixtures.BART) + " 1 time in 1 executor JVM, "
                        + Fixtures.dir(Fixtures.MARIAN) + " 1 time in 1 executor JVM");
    }

    /**
     * An article whose files cannot be written (a folder stands where its Markdown file goes) fails alone, inside
     * its task: the job still commits both tables, with the article's row saying why, and writes the others.
     */
    @Test
    void anArticleThatFailsInsideItsTaskIsARowAndTheJobStillCommits() throws IOException {
        Path few = Files.createDirectories(tmp.resolve("few"));
        for (int i = 0; i < 6; i++) {
            String name = String.format("t%02d.txt", i);
            Files.copy(input.resolve(name), few.resolve(name));
        }
        Path out = tmp.resolve("failing-out");
        Files.createDirectories(out.resolve("t03.md").resolve("in-the-way"));
        Cli.Result r = SparkSessions.run(spark, withModels("--input", few.toString(), "--output", out.toString(),
                "--formats", "md,json", "--summarizer", "extractive"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("6 articles: 5 translated, 1 failed")
                .contains("depeche: " + few.resolve("t03.txt") + ": writing the outputs failed: ");
        assertThat(out.resolve("articles/_SUCCESS")).exists();
        assertThat(out.resolve("sentences/_SUCCESS")).exists();
        Row failed = spark.read().parquet(out.resolve("articles").toString()).where("id = 't03'").first();
        assertThat((String) failed.getAs("status")).isEqualTo("failed");
        assertThat((String) failed.getAs("error")).startsWith("writing the outputs failed: ");
        assertThat(spark.read().parquet(out.resolve("sentences").toString()).where("article_id = 't03'").count())
                .isZero();
        assertThat(out.resolve("t02.md")).exists();
        assertThat(out.resolve("t04.json")).exists();
        JsonNode report = JSON.readTree(out.resolve("run-report.json").toFile());
        assertThat(report.at("/counts/failed").asInt()).isEqualTo(1);
        assertThat(report.at("/articles/3/errors/0").asText()).startsWith("writing the outputs failed: ");
        assertThat(report.at("/settings/summarizer").asText()).isEqualTo("extractive");
    }

    /**
     * A model folder no executor can load fails every task, so the job fails: exit 2 with the model's one-line
     * message, and no table at all (Spark's committer publishes nothing of a failed job).
     */
    @Test
    void anUnusableModelFolderFailsTheJobWithoutAPartialDataset() throws IOException {
        Path broken = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("broken-marian"), "config.json");
        Path out = tmp.resolve("broken-out");
        Cli.Result r = SparkSessions.run(spark, "--input", input.toString(), "--output", out.toString(),
                "--translation-model", broken.toString(), "--summarizer", "none");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).contains("depeche: " + broken.resolve("config.json") + ": ");
        assertThat(out.resolve("articles")).doesNotExist();
        assertThat(out.resolve("sentences")).doesNotExist();
        assertThat(out.resolve("run-report.json")).doesNotExist();
    }

    /** As run: the input folder as the output is refused before anything is read, in one line, exit 2. */
    @Test
    void theInputFolderIsNoOutputFolder() {
        Cli.Result r = SparkSessions.run(spark, withModels("--input", input.toString(), "--output",
                input.resolve(".").toString()));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("depeche: the input and the output are the same folder (" + input
                + "): the bilingual files would overwrite the articles they come from; give another output folder\n");
    }

    /**
     * A Parquet dataset of {@code id, title, text, url} reads as the same records in a {@code .jsonl} file: the
     * same documents (all but the source file they name); a row that is not an article and an id taken twice
     * fail with the row named.
     */
    @Test
    void aParquetDatasetGivesTheDocumentsOfTheSameRecordsInJsonl() throws IOException {
        List<Row> rows = new ArrayList<>();
        for (String line : Files.readAllLines(input.resolve("z.jsonl"))) {
            JsonNode record = JSON.readTree(line);
            rows.add(RowFactory.create(record.path("id").textValue(), record.path("title").textValue(),
                    record.path("text").textValue(), record.path("url").textValue(), 7L));
        }
        rows.add(RowFactory.create("j0", "Encore", "Un texte.", null, 8L));
        StructType schema = new StructType().add("id", DataTypes.StringType).add("title", DataTypes.StringType)
                .add("text", DataTypes.StringType).add("url", DataTypes.StringType).add("other", DataTypes.LongType);
        Path dataset = tmp.resolve("articles.parquet");
        spark.createDataFrame(rows, schema).coalesce(1).write().parquet(dataset.toString());
        Path out = tmp.resolve("parquet-out");

        Cli.Result r = SparkSessions.run(spark, withModels("--input", dataset.toString(), "--output", out.toString(),
                "--formats", "json"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).contains("reading the Parquet dataset " + dataset)
                .contains(dataset + ":5: missing field 'title'")
                .contains(dataset + ":11: article id 'j0' is already used by " + dataset + ":1");
        for (int i = 0; i < 8; i++) {
            ObjectNode fromParquet = (ObjectNode) JSON.readTree(out.resolve("j" + i + ".json").toFile());
            ObjectNode fromJsonl = (ObjectNode) JSON.readTree(runOutput.resolve("j" + i + ".json").toFile());
            assertThat(fromParquet.at("/source/file").asText()).isEqualTo(dataset.toString());
            for (ObjectNode json : List.of(fromParquet, fromJsonl)) {
                json.remove(List.of("timings_ms", "source"));
            }
            assertThat(fromParquet).as("j" + i).isEqualTo(fromJsonl);
        }
        assertThat(spark.read().parquet(out.resolve("articles").toString()).count()).isEqualTo(11);
    }

    private static TreeSet<String> outputs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                    .filter(name -> !NOT_OUTPUTS.contains(name) && !name.equals("run-report.json"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private static JsonNode withoutTimings(String articleJson) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(articleJson);
        json.remove("timings_ms");
        return json;
    }

    private static JsonNode comparableReport(Path folder) throws IOException {
        ObjectNode report = (ObjectNode) JSON.readTree(folder.resolve("run-report.json").toFile());
        report.remove(Arrays.asList("started", "finished", "seconds", "output"));
        ((ArrayNode) report.get("articles")).forEach(article -> ((ObjectNode) article).remove("seconds"));
        return report;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}
