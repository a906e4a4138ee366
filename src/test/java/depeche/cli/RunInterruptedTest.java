package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C (SIGINT) and SIGTERM in the middle of a run, sent to a real {@code depeche run} process once its first
 * article is written: the report of what was done, the articles not reached marked interrupted, "interrupted" on
 * stderr, the signal's exit status, and no half-written file (issue 9, class 5).
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class RunInterruptedTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Far more than the run can do before the signal comes: it is always interrupted midway. */
    private static final int ARTICLES = 500;
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @TempDir
    Path tmp;

    /** A depeche run in its own JVM, from the test classpath. */
    private Process start(Path input, Path output) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", classpath, Main.class.getName(), "run",
                "--input", input.toString(), "--output", output.toString(), "--formats", "json,html",
                "--translation-model", Fixtures.dir(Fixtures.MARIAN).toString(), "--offline",
                "--models", tmp.resolve("no-models").toString(), "--beams", "1", "--max-length", "8",
                "--summarizer", "none")
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .redirectOutput(tmp.resolve("stdout.txt").toFile())
                .start();
    }

    private Path manyArticles() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("in"));
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < ARTICLES; i++) {
            jsonl.append(JSON.writeValueAsString(Map.of("id", String.format("a%04d", i), "title", "Titre " + i,
                    "text", "Bonjour tout le monde.\n\nIl fait beau à Paris."))).append('\n');
        }
        Files.writeString(input.resolve("lot.jsonl"), jsonl);
        return input;
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** Waits until the run has written its first article. */
    private static void awaitFirstArticle(Process run, Path output) throws Exception {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!Files.exists(output.resolve("a0000.json"))) {
            assertThat(run.isAlive()).as("the run ended before its first article was written").isTrue();
            assertThat(Instant.now()).as("first article written").isBefore(deadline);
            Thread.sleep(50);
        }
    }

    private void interruptAndCheck(String signal, int exitStatus) throws Exception {
        Path output = tmp.resolve("out");
        Process run = start(manyArticles(), output);
        try {
            awaitFirstArticle(run, output);
            new ProcessBuilder("kill", "-" + signal, Long.toString(run.pid())).inheritIO().start().waitFor();
            assertThat(run.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("ended after " + signal).isTrue();
        } finally {
            run.destroyForcibly();
        }
        String stderr = Files.readString(tmp.resolve("stderr.txt"), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as(stderr).isEqualTo(exitStatus);

        JsonNode report = JSON.readTree(output.resolve("run-report.json").toFile());
        int translated = report.at("/counts/translated").asInt();
        int failed = report.at("/counts/failed").asInt();
        assertThat(report.at("/counts/articles").asInt()).isEqualTo(ARTICLES).isEqualTo(translated + failed);
        assertThat(translated).isPositive().isLessThan(ARTICLES);
        assertThat(report.get("errors")).hasSize(1);
        assertThat(report.at("/errors/0").asText()).isEqualTo("interrupted: " + failed
                + " articles were not done (reported failed); a new run does them");
        List<String> notDone = new ArrayList<>();
        report.get("articles").forEach(a -> {
            if (a.get("status").asText().equals("failed")) {
                notDone.add(a.at("/errors/0").asText());
            }
        });
        assertThat(notDone).hasSize(failed)
                .containsOnly("interrupted: the run stopped before this article was done");
        assertThat(stderr.lines().filter(l -> l.contains("interrupted")))
                .containsExactly("depeche: interrupted: " + failed + " articles not done (a new run does them); "
                        + "report: " + output.resolve("run-report.json"));

        List<String> written = files(output);
        assertThat(written).noneMatch(f -> f.endsWith(".tmp"));
        List<String> articleFiles = written.stream().filter(f -> f.startsWith("a")).toList();
        assertThat(articleFiles).hasSize(2 * translated);
        for (String file : articleFiles) {
            if (file.endsWith(".json")) {
                assertThat(JSON.readTree(output.resolve(file).toFile()).get("format").asText())
                        .isEqualTo("depeche-article/1");
            } else {
                assertThat(Files.readString(output.resolve(file))).as(file).endsWith("</html>");
            }
        }
        assertThat(Jsoup.parse(output.resolve("index.html").toFile()).select("a[href]")).hasSize(translated);
        List<String> resumable = new ArrayList<>();
        JSON.readTree(output.resolve(".depeche-state.json").toFile()).get("articles").fieldNames()
                .forEachRemaining(resumable::add);
        assertThat(resumable).as("the next run skips exactly what was written")
                .containsExactlyElementsOf(articleFiles.stream().filter(f -> f.endsWith(".json"))
                        .map(f -> f.substring(0, f.length() - ".json".length())).toList());
    }

    @Test
    void ctrlCWritesTheReportOfWhatWasDoneSaysInterruptedAndExits130() throws Exception {
        // A process started in the background by a shell ignores SIGINT, and so do its children (as they should).
        assumeFalse(sigintIgnored(), "SIGINT is ignored by this process (started in the background?), so it would be "
                + "by the run too");
        interruptAndCheck("INT", 130);
    }

    /** Whether this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status, Linux only). */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("SigIgn:")).findFirst()
                .map(l -> (Long.parseLong(l.substring("SigIgn:".length()).strip(), 16) & 0b10) != 0).orElse(false);
    }

    @Test
    void sigtermWritesTheReportOfWhatWasDoneSaysInterruptedAndExits143() throws Exception {
        interruptAndCheck("TERM", 143);
    }
}
