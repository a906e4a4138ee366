package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.document.ArticleId;
import depeche.io.Format;
import depeche.testing.BatchRun;
import depeche.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run's own files (report, index, state, lock) are out of reach of every article id, and depeche's output is
 * never read back as French articles (issue 9, class 2).
 */
class RunOutputNamesTest {
    @TempDir
    Path tmp;
    BatchRun run;

    @BeforeEach
    void aGoodArticle() throws IOException {
        run = new BatchRun(tmp);
        Files.writeString(run.input().resolve("bon.txt"), "Un titre\nBonjour tout le monde.");
    }

    private List<String> outputFiles() throws IOException {
        try (Stream<Path> files = Files.list(run.output())) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anArticleNamedLikeTheReportOrTheIndexFailsAloneAndTheRealReportIsWritten() throws IOException {
        Files.writeString(run.input().resolve("lot.jsonl"), """
                {"id": "run-report", "title": "Rapport", "text": "Bonjour."}
                {"id": "ok", "title": "Titre", "text": "Bonjour."}
                """);
        Files.writeString(run.input().resolve("Run-Report.md"), "# Rapport\n\nBonjour.");
        Files.writeString(run.input().resolve("INDEX.txt"), "Sommaire\nBonjour.");

        Cli.Result r = run.run();

        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        JsonNode report = run.report();
        assertThat(report.get("format").asText()).isEqualTo("depeche-run-report/1");
        assertThat(report.at("/counts/translated").asInt()).isEqualTo(2);
        assertThat(report.at("/counts/failed").asInt()).isEqualTo(3);
        List<String> errors = new ArrayList<>();
        report.get("articles").forEach(a -> a.path("errors").forEach(e -> errors.add(e.asText())));
        assertThat(errors).containsExactlyInAnyOrder(
                run.input().resolve("INDEX.txt") + ": the file name gives no usable article id: id 'INDEX' is "
                        + "reserved: its files would overwrite the run's own index.html",
                run.input().resolve("Run-Report.md") + ": the file name gives no usable article id: id 'Run-Report' "
                        + "is reserved: its files would overwrite the run's own run-report.json",
                run.input().resolve("lot.jsonl") + ":1: id 'run-report' is reserved: its files would overwrite the "
                        + "run's own run-report.json");
        assertThat(r.err()).contains("id 'run-report' is reserved");
        assertThat(outputFiles()).noneMatch(f -> f.toLowerCase().startsWith("run-report.") && !f.equals("run-report.json"))
                .noneMatch(f -> f.toLowerCase().startsWith("index.") && !f.equals("index.html"));
    }

    @Test
    void everyFileOfARunIsAnArticlesOwnOrOneOfTheRunFilesNoIdCanName() throws IOException {
        Files.writeString(run.input().resolve("lot.jsonl"), "{\"id\": \"deux\", \"title\": \"T\", \"text\": \"Oui.\"}\n");
        assertThat(run.run("--formats", Format.DEFAULT).exitCode()).isZero();

        Set<String> ids = run.reportedArticles().keySet();
        Set<String> articleFiles = ids.stream().flatMap(id -> Stream.of(Format.values()).map(f -> id + "." + f.extension()))
                .collect(Collectors.toSet());
        List<String> runFiles = outputFiles().stream().filter(f -> !articleFiles.contains(f)).toList();
        assertThat(runFiles).as("besides the articles' files").isNotEmpty()
                .allSatisfy(f -> assertThat(ArticleId.RUN_FILES).as("reserved in ArticleId").contains(f));
        assertThat(runFiles).contains("run-report.json", "index.html", ".depeche-state.json", ".depeche.lock");
    }

    @Test
    void idsThatDifferOnlyInCaseAreOneIdAsTheirFilesWouldBeOneWhereCaseIsIgnored() throws IOException {
        Path later = Files.writeString(run.input().resolve("lot.jsonl"), "{\"id\": \"BON\", \"title\": \"T\", \"text\": \"Oui.\"}");

        Cli.Result r = run.run();

        assertThat(r.exitCode()).isEqualTo(1);
        Map<String, JsonNode> articles = run.reportedArticles();
        String error = later + ": article id 'BON' is already used by " + run.input().resolve("bon.txt")
                + " (ids that differ only in case count as one); its output would overwrite that article's";
        assertThat(articles.get("BON").at("/errors/0").asText()).isEqualTo(error);
        assertThat(r.err()).contains(error);
        assertThat(articles.get("bon").get("status").asText()).isEqualTo("translated");
        assertThat(outputFiles()).doesNotContain("BON.md", "BON.json");
    }

    @Test
    void theOutputFolderGivenAsInputIsAUsageErrorAndNothingIsWritten() throws IOException {
        run.to(run.input());
        Cli.Result r = run.run();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("depeche: the input and the output are the same folder ("
                + run.input() + "): the bilingual files would overwrite the articles they come from; give another "
                + "output folder");
        assertThat(outputFiles()).containsExactly("bon.txt");

        Path link = Files.createSymbolicLink(tmp.resolve("link"), run.input());
        assertThat(run.to(link).run().exitCode()).as("the same folder by another name").isEqualTo(2);
        assertThat(outputFiles()).containsExactly("bon.txt");
    }

    @Test
    void aFolderHoldingEarlierOutputIsNotReadBackAsArticlesAndTheRunSaysSoOnce() throws IOException {
        assertThat(run.run().exitCode()).isZero();
        Path earlier = run.output();
        Files.writeString(earlier.resolve("nouveau.txt"), "Un nouveau titre\nBonsoir à tous.");

        Cli.Result r = run.from(earlier).to(tmp.resolve("again")).run();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(run.reportedArticles().keySet()).containsExactly("nouveau");
        String warning = earlier + " holds 3 files that depeche wrote (bon.html, bon.md, index.html): they are not "
                + "French articles and were not read; keep the output folder apart from the input";
        assertThat(run.report().get("warnings")).hasSize(1);
        assertThat(run.report().at("/warnings/0").asText()).isEqualTo(warning);
        assertThat(r.err()).containsOnlyOnce("depeche: warning: " + warning);
    }

    @Test
    void aReviewPageCopiedAmongTheArticlesIsLeftOutNotFailed() throws IOException {
        assertThat(run.run().exitCode()).isZero();
        Files.copy(run.output().resolve("bon.html"), run.input().resolve("relu.html"));
        Files.copy(run.output().resolve("bon.md"), run.input().resolve("relu.md"));

        Cli.Result r = run.to(tmp.resolve("second")).run();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(run.reportedArticles().keySet()).containsExactly("bon");
        assertThat(r.err()).contains("holds 2 files that depeche wrote (relu.html, relu.md)");
    }

    @Test
    void anOutputOrInputThatIsAFileIsOneClearLineAndExit2() throws IOException {
        Path file = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Cli.Result output = run.to(file).run();
        assertThat(output.exitCode()).isEqualTo(2);
        assertThat(output.err().strip()).isEqualTo("depeche: the output " + file
                + " is a file; give a folder (it is created when missing)");

        Cli.Result input = run.from(run.input().resolve("bon.txt")).to(tmp.resolve("out")).run();
        assertThat(input.exitCode()).isEqualTo(2);
        assertThat(input.err().strip()).isEqualTo("depeche: the input " + run.input()
                + " is a file; give the folder that holds the articles");
    }
}
