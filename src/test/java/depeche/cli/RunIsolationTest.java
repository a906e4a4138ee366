package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.io.Format;
import depeche.testing.BatchRun;
import depeche.testing.Cli;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whatever one article does, only that article fails: the others are written, the report is written, the exit code
 * is 1 (issue 9, class 1). Every bad kind here is a real input; {@code depeche.pipeline.BatchJobFaultsTest} covers
 * the faults no known input causes.
 */
class RunIsolationTest {
    @TempDir
    Path tmp;
    BatchRun run;

    @BeforeEach
    void twoGoodArticles() throws IOException {
        run = new BatchRun(tmp);
        Files.writeString(run.input().resolve("bon.txt"), "Un titre\nBonjour tout le monde.");
        Files.writeString(run.input().resolve("lot.jsonl"), """
                {"id": "bien", "title": "Un titre", "text": "Il fait beau.\\n\\nBonjour tout le monde."}
                {"id": "run-report", "title": "Rapport", "text": "Bonjour."}
                {"id": "sans-texte", "title": "Sans texte"}
                pas du JSON
                """);
    }

    private String error(Map<String, JsonNode> articles, String id) {
        assertThat(articles).containsKey(id);
        assertThat(articles.get(id).get("status").asText()).as(id).isEqualTo("failed");
        return articles.get(id).at("/errors/0").asText();
    }

    private void assertWritten(String... ids) {
        for (String id : ids) {
            for (Format format : List.of(Format.MD, Format.JSON, Format.HTML, Format.TMX)) { // the default formats
                assertThat(run.output().resolve(id + "." + format.extension())).as(id).isNotEmptyFile();
            }
            assertThat(run.reportedArticles().get(id).get("status").asText()).isEqualTo("translated");
        }
    }

    private List<String> outputFiles() throws IOException {
        try (Stream<Path> files = Files.walk(run.output())) {
            return files.map(f -> run.output().relativize(f).toString()).toList();
        }
    }

    @Test
    void aFolderMixingGoodArticlesWithEveryBadKindWritesEveryGoodOneAndTheReportAndExits1() throws IOException {
        Path in = run.input();
        Files.write(in.resolve("abime.txt"), new byte[] {'T', 'i', 't', (byte) 0xC3, (byte) 0x28, '\n', 'x'});
        Files.writeString(in.resolve("profond.md"), "# Titre\n\n" + ">".repeat(5000) + " Un texte.\n");
        try (RandomAccessFile huge = new RandomAccessFile(in.resolve("enorme.txt").toFile(), "rw")) {
            huge.setLength(17_000_000); // sparse: refused by its size, never read
        }
        // The tiny model's greedy search ends at once for each of these sentences: no English at all.
        Files.writeString(in.resolve("vide.txt"), "santé bonjour.\nmarché la.\n\neau.");
        Files.writeString(in.resolve("occupe.txt"), "Un titre\nBonjour tout le monde.");
        Files.createDirectories(run.output().resolve("occupe.json")).resolve("something").toFile().createNewFile();
        Files.writeString(in.resolve("Index.md"), "# Sommaire\n\nBonjour.");

        Cli.Result r = run.run();

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertWritten("bon", "bien");
        Map<String, JsonNode> articles = run.reportedArticles();
        JsonNode report = run.report();
        assertThat(report.at("/counts/translated").asInt()).isEqualTo(2);
        assertThat(report.at("/counts/failed").asInt()).isEqualTo(report.at("/counts/articles").asInt() - 2)
                .isEqualTo(report.get("articles").size() - 2).isEqualTo(9);
        assertThat(error(articles, "abime")).contains("abime.txt", "UTF-8");
        assertThat(error(articles, "profond")).endsWith("profond.md: is nested 5002 levels deep (quotes, lists, "
                + "emphasis or links), more than the 256 depeche reads");
        assertThat(error(articles, "enorme")).contains("enorme.txt", "17.0 MB");
        assertThat(error(articles, "vide")).isEqualTo("the model gave no English for any of the 2 sentences of the "
                + "body (empty output)");
        assertThat(error(articles, "occupe")).startsWith("writing the outputs failed: ").contains("occupe.json");
        assertThat(error(articles, "Index")).contains("id 'Index' is reserved");
        List<String> lot = report.get("articles").findParents("source").stream()
                .map(a -> a.get("source").asText()).filter(s -> s.contains("lot.jsonl:")).toList();
        assertThat(lot).containsExactly(in.resolve("lot.jsonl") + ":2", in.resolve("lot.jsonl") + ":3",
                in.resolve("lot.jsonl") + ":4");
        assertThat(outputFiles()).noneMatch(f -> f.endsWith(".tmp"))
                .noneMatch(f -> f.startsWith("vide.") || f.startsWith("Index.") || f.startsWith("abime."));
        assertThat(report.get("errors")).isEmpty();
        assertThat(r.err().lines().filter(l -> l.startsWith("depeche: " + in) || l.startsWith("depeche: writing")))
                .as("one line on stderr per failed article").hasSize(9);
    }

    @Test
    void anIndexThatCannotBeWrittenCostsNoArticleButTheRunSaysSoAndExits1() throws IOException {
        Files.createDirectories(run.output().resolve("index.html")).resolve("not-a-page").toFile().createNewFile();

        Cli.Result r = run.run();

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertWritten("bon", "bien");
        assertThat(run.report().get("errors")).hasSize(1);
        assertThat(run.report().at("/errors/0").asText()).startsWith("index.html was not written: ")
                .contains(run.output().resolve("index.html").toString());
        assertThat(r.err()).contains("depeche: error: index.html was not written: ");
    }

    @Test
    void aRunStateThatCannotBeSavedFailsTheArticlesItsRecordWouldCoverAndTheReportIsStillWritten() throws IOException {
        Files.createDirectories(run.output().resolve(".depeche-state.json")).resolve("x").toFile().createNewFile();

        Cli.Result r = run.run();

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(run.reportedArticles().get("bon").at("/errors/0").asText())
                .startsWith("writing the outputs failed: ").contains(".depeche-state.json");
        assertThat(run.report().at("/counts/failed").asInt()).isEqualTo(5);
    }

    @Test
    void aReportThatCannotBeWrittenIsOneLineAndExit2AfterTheArticlesAreWritten() throws IOException {
        Files.createDirectories(run.output().resolve("run-report.json")).resolve("x").toFile().createNewFile();

        Cli.Result r = run.run();

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> l.contains("run-report.json") && !l.contains("lot.jsonl")))
                .containsExactly("depeche: cannot write the run report " + run.output().resolve("run-report.json")
                        + ": " + run.output().resolve("run-report.json.tmp") + " -> "
                        + run.output().resolve("run-report.json") + ": Is a directory");
        assertThat(run.output().resolve("bon.json")).isNotEmptyFile();
    }
}
