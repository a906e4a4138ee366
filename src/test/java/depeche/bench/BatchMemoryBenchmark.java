package depeche.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.cli.Main;
import depeche.document.Article;
import depeche.io.ArticleReaders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Resident memory of a long batch run (issue 9): {@code depeche run} over 1,000 generated articles, in this JVM,
 * with the tiny fixture models (MarianMT translation, BART abstractive summaries), printing this process's RSS
 * (VmRSS in /proc/self/status) when 100, 500 and 1,000 articles are written. A run that keeps no per-article state
 * (closed NDManager scopes, no growing caches) keeps RSS flat from the first figure to the last.
 *
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) depeche.bench.BatchMemoryBenchmark
 *   # -Dbench.articles=1000 -Dbench.beams=2 -Dbench.maxLength=24 -Dbench.memory=false (no translation memory)
 * </pre>
 */
public final class BatchMemoryBenchmark {
    private static final int ARTICLES = Integer.getInteger("bench.articles", 1000);
    private static final List<Integer> CHECKPOINTS = List.of(100, 500, 1000);

    private BatchMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("depeche-memory-bench");
        Path input = Files.createDirectories(work.resolve("in"));
        Path output = work.resolve("out");
        writeArticles(input.resolve("articles.jsonl"));
        String fixtures = Path.of(BatchMemoryBenchmark.class.getResource("/fixtures").toURI()).toString();

        List<String> samples = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sample(output, samples, running), "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        StringWriter err = new StringWriter();
        List<String> run = new ArrayList<>(List.of("run", "--input", input.toString(),
                "--output", output.toString(), "--formats", "json,html,md,tmx", "--offline",
                "--models", work.resolve("no-models").toString(),
                "--translation-model", fixtures + "/tiny-marian", "--summary-model", fixtures + "/tiny-bart",
                "--beams", System.getProperty("bench.beams", "2"),
                "--max-length", System.getProperty("bench.maxLength", "24")));
        if (!Boolean.parseBoolean(System.getProperty("bench.memory", "true"))) {
            run.add("--no-memory"); // every sentence through the model, none served by the translation memory
        }
        int exit = Main.commandLine().setErr(new PrintWriter(err, true)).execute(run.toArray(String[]::new));
        running.set(false);
        sampler.join();
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.println(err.toString().lines().filter(l -> l.contains(" articles: ")).findFirst().orElse(err.toString()));
        System.out.printf(Locale.ROOT, "exit %d, %d articles in %.0f s, java %s, max heap %d MB%n", exit, ARTICLES,
                seconds, System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20);
        System.out.println("articles written   RSS (MB)   heap used (MB)");
        samples.forEach(System.out::println);
        System.out.printf(Locale.ROOT, "peak RSS (VmHWM) %.0f MB%n", ProcessMemory.peakRssKb() / 1024.0);
        delete(work);
    }

    /** Articles of 4 to 8 paragraphs of the seed article, rotated so that no two are alike. */
    private static void writeArticles(Path file) throws IOException {
        Article seed = ArticleReaders.read(Path.of("seeds/000_8e5b8d439f3d6119.txt")).articles().get(0);
        List<String> paragraphs = seed.paragraphs();
        ObjectMapper json = new ObjectMapper();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < ARTICLES; i++) {
            List<String> body = new ArrayList<>();
            for (int p = 0; p < 4 + i % 5; p++) {
                body.add(paragraphs.get((i + p * 3) % paragraphs.size()));
            }
            jsonl.append(json.writeValueAsString(Map.of("id", String.format("a%04d", i),
                    "title", "Article " + i + " : " + seed.title(), "text", String.join("\n\n", body)))).append('\n');
        }
        Files.writeString(file, jsonl);
    }

    /** RSS when the number of articles written (their .json files) first reaches each checkpoint. */
    private static void sample(Path output, List<String> samples, AtomicBoolean running) {
        int next = 0;
        while (next < CHECKPOINTS.size()) {
            boolean ended = !running.get(); // read before counting: the last count then sees every article
            int written = countArticles(output);
            if (written >= Math.min(CHECKPOINTS.get(next), ARTICLES)) {
                Runtime jvm = Runtime.getRuntime();
                samples.add(String.format(Locale.ROOT, "%16d   %8.0f   %14.0f", written, ProcessMemory.rssKb() / 1024.0,
                        (jvm.totalMemory() - jvm.freeMemory()) / 1048576.0));
                next++;
                continue;
            }
            if (ended) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static int countArticles(Path output) {
        if (!Files.isDirectory(output)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(output)) {
            return (int) files.filter(f -> f.getFileName().toString().matches("a\\d{4}\\.json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
