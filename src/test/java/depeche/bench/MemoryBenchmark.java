package depeche.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.cli.Main;
import depeche.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The nightly scenario with and without the translation memory, timed in one process: night 1 is
 * {@code bench.articles} new articles (default 200); night 2 as many again, 20 % of them updated versions of
 * night-1 articles (one paragraph rewritten) and the rest new; one sentence in ten is agency boilerplate. Each run
 * is the whole {@code depeche run} (read, translate, extractive summary, four formats, report). Night 1 runs once
 * without a memory and once filling one. Night 2, the measured night, runs four times in the order with, without,
 * without, with: each "with" starts from a copy of the memory night 1 left, each run writes to a fresh folder, so
 * a shared machine's drift falls on both alike. It prints wall and CPU seconds (CPU time, the process's own,
 * is what another process's load disturbs least), their ratios, and how many sentences the model translated.
 *
 * <p>The model is the tiny fixture (tiny-marian: 2 layers, d_model 32) unless {@code bench.model} names another
 * folder, with greedy search and max_length 32 unless {@code bench.beams} and {@code bench.maxLength} say
 * otherwise (the fixture's own beam 4 / max_length 64 takes hours on 2 shared cores). With a real-size model the
 * model's share of the time, and so the memory's gain, is larger. Run:
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) depeche.bench.MemoryBenchmark
 * </pre>
 */
public final class MemoryBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BEAMS = System.getProperty("bench.beams", "1");
    private static final String MAX_LENGTH = System.getProperty("bench.maxLength", "32");
    private static final String MEMORY = ".depeche-memory.sqlite";

    /** One timed run: its wall and CPU time and what the model translated. */
    private record Timed(double seconds, double cpuSeconds, int sentences, int translatedByModel, int failed) {
        static Timed mean(Timed a, Timed b) {
            return new Timed((a.seconds + b.seconds) / 2, (a.cpuSeconds + b.cpuSeconds) / 2, a.sentences,
                    a.translatedByModel, a.failed + b.failed);
        }
    }

    private MemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int articles = Integer.getInteger("bench.articles", 200);
        Path model = Path.of(System.getProperty("bench.model", Fixtures.dir(Fixtures.MARIAN).toString()));
        Path work = Files.createTempDirectory("depeche-memory-bench");
        Path night1 = work.resolve("night1");
        Path night2 = work.resolve("night2");
        new NightlyFeed(2024).write(articles, 0.2, night1, night2);
        System.out.printf(Locale.ROOT, "%d articles a night, 20 %% of night 2 updated from night 1, 1 sentence in 10"
                + " boilerplate; model %s, beams %s, max_length %s; %d cores; in %s%n", articles, model.getFileName(),
                BEAMS, MAX_LENGTH, Runtime.getRuntime().availableProcessors(), work);

        warmUp(model, night1, work.resolve("warm-up"));
        Timed firstWithout = run(model, night1, work.resolve("n1-without"), "--no-memory");
        Timed firstWith = run(model, night1, work.resolve("n1-with"));
        print("night 1", firstWithout, firstWith);
        Path filled = work.resolve("n1-with").resolve(MEMORY);

        Timed with1 = runWithCopy(model, night2, work.resolve("n2-with-a"), filled);
        Timed without1 = run(model, night2, work.resolve("n2-without-a"), "--no-memory");
        Timed without2 = run(model, night2, work.resolve("n2-without-b"), "--no-memory");
        Timed with2 = runWithCopy(model, night2, work.resolve("n2-with-b"), filled);
        print("night 2 (first pair)", without1, with1);
        print("night 2 (second pair)", without2, with2);
        print("night 2 (mean)", Timed.mean(without1, without2), Timed.mean(with1, with2));
        System.out.printf(Locale.ROOT, "memory file after night 2: %d bytes%n",
                Files.size(work.resolve("n2-with-b").resolve(MEMORY)));
    }

    private static void print(String night, Timed without, Timed with) {
        System.out.printf(Locale.ROOT, "%-22s %4d sentences; without memory %6.1f s wall, %6.1f s CPU (model translated"
                        + " %d); with memory %6.1f s wall, %6.1f s CPU (model translated %d); %.2fx wall, %.2fx CPU%s%n",
                night, with.sentences(), without.seconds(), without.cpuSeconds(), without.translatedByModel(),
                with.seconds(), with.cpuSeconds(), with.translatedByModel(), without.seconds() / with.seconds(),
                without.cpuSeconds() / with.cpuSeconds(),
                with.failed() + without.failed() > 0 ? "; " + (with.failed() + without.failed()) + " failed" : "");
    }

    /** A run with a copy of the memory {@code filled} left, in a folder of its own. */
    private static Timed runWithCopy(Path model, Path input, Path output, Path filled) throws Exception {
        Files.createDirectories(output);
        Files.copy(filled, output.resolve(MEMORY));
        return run(model, input, output);
    }
    /** One small run first, so that neither variant pays for loading native libraries and JIT compilation. */
    private static void warmUp(Path model, Path night1, Path output) throws Exception {
        Path input = Files.createDirectories(output.resolveSibling("warm-up-input"));
        try (var files = Files.list(night1)) {
            for (Path file : files.limit(5).toList()) {
                Files.copy(file, input.resolve(file.getFileName()));
            }
        }
        run(model, input, output);
    }

    private static Timed run(Path model, Path input, Path output, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString(),
                "--translation-model", model.toString(), "--beams", BEAMS, "--max-length", MAX_LENGTH,
                "--summarizer", "extractive", "--offline",
                "--models", output.resolveSibling("no-models").toString()));
        args.addAll(List.of(extra));
        PrintStream err = System.err;
        StringWriter messages = new StringWriter();
        long start = System.nanoTime();
        long cpuStart = cpu();
        int code;
        try {
            System.setErr(new PrintStream(new ByteArrayOutputStream())); // the progress lines
            code = Main.commandLine().setOut(new PrintWriter(messages)).setErr(new PrintWriter(messages))
                    .execute(args.toArray(String[]::new));
        } finally {
            System.setErr(err);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (cpu() - cpuStart) / 1e9;
        if (code > 1) {
            throw new IllegalStateException("depeche run failed (" + code + "): " + messages);
        }
        JsonNode report = JSON.readTree(output.resolve("run-report.json").toFile());
        int sentences = 0;
        for (JsonNode article : report.get("articles")) {
            sentences += article.path("sentences").asInt();
        }
        int byModel = report.has("memory") ? report.at("/memory/misses").asInt() : sentences;
        return new Timed(seconds, cpuSeconds, sentences, byModel, report.at("/counts/failed").asInt());
    }

    /** This process's CPU time so far, all threads (PyTorch's own included), in nanoseconds. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
