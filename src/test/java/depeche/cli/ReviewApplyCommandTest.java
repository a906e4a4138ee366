package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.testing.Cli;
import depeche.testing.SeedRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depeche review apply} on the outputs of a real run of the seed article (tiny fixture model). */
class ReviewApplyCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = SeedRun.ID;
    /** A correct translation of sentence 1.1 (from the hand-made rendering in test resources). */
    private static final String CORRECTED = "JAKARTA - Some representatives of the United States do not understand what is happening in Kazakhstan and take it as Washington’s official position, criticized the spokeswoman of the Russian Foreign Ministry, Maria Zakharova.";

    @TempDir
    static Path runDir;
    static Path runOutput;

    @TempDir
    Path tmp;
    Path output;

    @BeforeAll
    static void runTheSeed() throws IOException {
        runOutput = SeedRun.run(runDir, "--beams", "2", "--max-length", "12", "--formats", "md,json,html,tmx,xliff",
                "--min-confidence", "-0.5");
    }

    /** Each test gets its own copy of the run's outputs. */
    @org.junit.jupiter.api.BeforeEach
    void copyTheOutputs() throws IOException {
        output = Files.createDirectories(tmp.resolve("out"));
        try (Stream<Path> files = Files.list(runOutput)) {
            for (Path file : files.toList()) {
                Files.copy(file, output.resolve(file.getFileName()));
            }
        }
    }

    private JsonNode sentence(JsonNode article, int paragraph, int sentence) {
        return article.at("/paragraphs/" + (paragraph - 1) + "/sentences/" + (sentence - 1));
    }

    /** An export as the review page writes it, correcting 1.1 and marking 2.1 reviewed. */
    private Path export() throws IOException {
        JsonNode article = JSON.readTree(output.resolve(ID + ".json").toFile());
        ObjectNode export = JSON.createObjectNode().put("format", "depeche-corrections/1").put("article", ID);
        export.set("models", article.get("models"));
        export.put("tool_version", article.get("tool_version").asText()).put("exported", "2026-12-02T10:00:00Z");
        ArrayNode sentences = export.putArray("sentences");
        JsonNode first = sentence(article, 1, 1);
        sentences.addObject().put("paragraph", 1).put("sentence", 1).put("source", first.get("fr").asText())
                .put("old_target", first.get("en").asText())
                .put("new_target", CORRECTED)
                .put("reviewed", true);
        JsonNode second = sentence(article, 2, 1);
        sentences.addObject().put("paragraph", 2).put("sentence", 1).put("source", second.get("fr").asText())
                .put("old_target", second.get("en").asText()).put("new_target", second.get("en").asText())
                .put("reviewed", true);
        return Files.writeString(tmp.resolve(ID + ".corrections.json"), JSON.writeValueAsString(export));
    }

    @Test
    void rewritesEveryFormatWithTheCorrectionsMarkedReviewed() throws Exception {
        JsonNode before = JSON.readTree(output.resolve(ID + ".json").toFile());
        assertThat(sentence(before, 1, 1).get("flags").findValuesAsText("code")).contains("cut", "low-confidence");
        Path corrections = export();

        Cli.Result r = Cli.run("review", "apply", corrections.toString(), "--output", output.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines()).containsExactly("depeche: " + ID + ": 1 corrected, 1 marked reviewed, 0 unmarked; "
                + "wrote " + ID + ".md, " + ID + ".json, " + ID + ".html, " + ID + ".tmx, " + ID + ".xlf and index.html in "
                + output, "depeche: translation memory " + output.resolve(".depeche-memory.sqlite") + ": 2 reviewed "
                + "sentences kept (2 new), 0 forgotten");
        JsonNode after = JSON.readTree(output.resolve(ID + ".json").toFile());
        JsonNode corrected = sentence(after, 1, 1);
        assertThat(corrected.get("en").asText()).isEqualTo(CORRECTED);
        assertThat(corrected.get("origin").asText()).isEqualTo("reviewed");
        assertThat(corrected.get("flags")).as("the model's flags leave a correction").isEmpty();
        assertThat(corrected.has("confidence")).isFalse();
        assertThat(sentence(after, 2, 1).get("origin").asText()).isEqualTo("reviewed");
        assertThat(sentence(after, 2, 1).get("en")).isEqualTo(sentence(before, 2, 1).get("en"));
        assertThat(sentence(after, 3, 1)).as("untouched").isEqualTo(sentence(before, 3, 1));

        org.jsoup.nodes.Document page = Jsoup.parse(output.resolve(ID + ".html").toFile());
        assertThat(page.getElementById("s1.1").text()).isEqualTo(CORRECTED);
        assertThat(page.getElementById("s1.1").hasClass("reviewed")).isTrue();
        assertThat(page.getElementById("s2.1").hasClass("reviewed")).isTrue();
        String xliff = Files.readString(output.resolve(ID + ".xlf"));
        assertThat(xliff).contains("<unit id=\"p1-s1\">").containsPattern(
                "(?s)<unit id=\"p1-s1\">.*?<segment state=\"reviewed\">\\s*<source>JAKARTA");
        assertThat(Files.readString(output.resolve(ID + ".tmx")))
                .containsPattern("(?s)tuid=\"" + ID + "-p1-s1\">\\s*<prop type=\"x-depeche-origin\">reviewed</prop>");
        assertThat(Files.readString(output.resolve(ID + ".md")))
                .contains("- paragraph 1, sentence 1: reviewed by a person");
        org.jsoup.nodes.Document index = Jsoup.parse(output.resolve("index.html").toFile());
        assertThat(index.selectFirst("tr[data-id=" + ID + "]").attr("data-status")).isEqualTo("translated");
        assertThat(Integer.parseInt(index.selectFirst("tr[data-id=" + ID + "]").attr("data-flags")))
                .isLessThan(Integer.parseInt(Jsoup.parse(runOutput.resolve("index.html").toFile())
                        .selectFirst("tr[data-id=" + ID + "]").attr("data-flags")));
    }

    /** The run's own options, so that a later run over the same input is the same run again. */
    private Cli.Result runAgain(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--input", runDir.resolve("in").toString(),
                "--output", output.toString(), "--translation-model",
                depeche.testing.Fixtures.dir(depeche.testing.Fixtures.MARIAN).toString(), "--offline", "--models",
                tmp.resolve("no-models").toString(), "--summarizer", "extractive", "--beams", "2", "--max-length", "12",
                "--formats", "md,json,html,tmx,xliff", "--min-confidence", "-0.5"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void everyLaterRunGivesTheReviewedEnglishFromTheMemoryUntilTheMarkIsTakenAway() throws Exception {
        Path corrections = export();
        assertThat(Cli.run("review", "apply", corrections.toString(), "--output", output.toString()).exitCode())
                .isZero();

        Cli.Result again = runAgain("--force");

        assertThat(again.exitCode()).as(again.err()).isZero();
        JsonNode rerun = JSON.readTree(output.resolve(ID + ".json").toFile());
        assertThat(sentence(rerun, 1, 1).get("en").asText()).isEqualTo(CORRECTED);
        assertThat(sentence(rerun, 1, 1).get("origin").asText()).isEqualTo("reviewed");
        assertThat(sentence(rerun, 2, 1).get("origin").asText()).isEqualTo("reviewed");
        assertThat(JSON.readTree(output.resolve("run-report.json").toFile()).at("/memory/reviewed").asInt())
                .isEqualTo(2);

        // The reviewer takes the mark away from 2.1: the memory forgets it, and the model's English returns.
        JsonNode second = sentence(rerun, 2, 1);
        ObjectNode unmark = (ObjectNode) JSON.readTree(corrections.toFile());
        ArrayNode only = unmark.putArray("sentences");
        only.addObject().put("paragraph", 2).put("sentence", 1).put("source", second.get("fr").asText())
                .put("old_target", second.get("en").asText()).put("new_target", second.get("en").asText())
                .put("reviewed", false);
        Files.writeString(corrections, JSON.writeValueAsString(unmark));
        Cli.Result unmarked = Cli.run("review", "apply", corrections.toString(), "--output", output.toString());
        assertThat(unmarked.err()).contains("0 corrected, 0 marked reviewed, 1 unmarked")
                .contains(": 0 reviewed sentences kept (0 new), 1 forgotten");
        assertThat(runAgain("--force").exitCode()).isZero();
        JsonNode third = JSON.readTree(output.resolve(ID + ".json").toFile());
        assertThat(sentence(third, 2, 1).get("origin").asText()).isEqualTo("machine");
        assertThat(sentence(third, 1, 1).get("en").asText()).isEqualTo(CORRECTED);
    }

    @Test
    void withNoMemoryOnlyTheFilesChange() throws Exception {
        Path memory = output.resolve(".depeche-memory.sqlite");
        byte[] before = Files.readAllBytes(memory);

        Cli.Result r = Cli.run("review", "apply", export().toString(), "--output", output.toString(), "--no-memory");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines()).hasSize(1);
        assertThat(Files.readAllBytes(memory)).isEqualTo(before);
    }

    @Test
    void aMemoryThatCannotBeUsedIsOneWarningAndTheFilesAreStillWritten() throws Exception {
        Path broken = Files.writeString(tmp.resolve("broken.sqlite"), "not a database at all, " + "x".repeat(200));

        Cli.Result r = Cli.run("review", "apply", export().toString(), "--output", output.toString(), "--memory",
                broken.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err().lines()).hasSize(2);
        assertThat(r.err().lines().skip(1).findFirst().orElseThrow()).startsWith("depeche: warning: ")
                .contains(broken.toString())
                .endsWith("the corrections are in the files but not in the translation memory, so later runs will "
                        + "not reuse them (apply the file again once it can be used)");
        assertThat(sentence(JSON.readTree(output.resolve(ID + ".json").toFile()), 1, 1).get("en").asText())
                .isEqualTo(CORRECTED);
    }

    @Test
    void correctionsOfAnotherVersionAreRefusedAndNothingIsWritten() throws Exception {
        Path corrections = export();
        Files.writeString(corrections, Files.readString(corrections).replace("\"paragraph\":2", "\"paragraph\":3"));
        Map<Path, byte[]> before = contents();

        Cli.Result r = Cli.run("review", "apply", corrections.toString(), "--output", output.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("depeche: " + corrections + ": sentence 3.1: the French is not the "
                + "article's (").endsWith("): the corrections were made on another version of it");
        assertThat(r.err().strip().lines()).hasSize(1);
        Map<Path, byte[]> after = contents();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        after.forEach((file, bytes) -> assertThat(bytes).as(file.toString()).isEqualTo(before.get(file)));
    }

    @Test
    void anArticleWithoutItsJsonOrAMissingFolderIsOneLineAndExit2() throws Exception {
        Path corrections = export();
        Files.delete(output.resolve(ID + ".json"));
        Cli.Result r = Cli.run("review", "apply", corrections.toString(), "--output", output.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("depeche: " + output.resolve(ID + ".json") + ": not found: review apply "
                + "rewrites an article from its JSON file (run with --formats including json, and give --output the"
                + " run's output folder)");

        Cli.Result nowhere = Cli.run("review", "apply", corrections.toString(), "--output",
                tmp.resolve("nowhere").toString());
        assertThat(nowhere.exitCode()).isEqualTo(2);
        assertThat(nowhere.err().strip()).isEqualTo("depeche: the output folder " + tmp.resolve("nowhere")
                + " does not exist");
        assertThat(tmp.resolve("nowhere")).doesNotExist();
    }

    @Test
    void anArticleIdThatIsNotASafeFileNameIsRefused() throws Exception {
        Path corrections = Files.writeString(tmp.resolve("x.corrections.json"), JSON.writeValueAsString(Map.of(
                "format", "depeche-corrections/1", "article", "../secret", "sentences", List.of())));
        Cli.Result r = Cli.run("review", "apply", corrections.toString(), "--output", output.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("depeche: " + corrections + ": \"article\": id '../secret' is not a safe "
                + "file name (use 1 to 200 letters, digits, '.', '_' or '-', starting with a letter or digit)");
    }

    private Map<Path, byte[]> contents() throws IOException {
        Map<Path, byte[]> contents = new HashMap<>();
        try (Stream<Path> files = Files.list(output)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
                contents.put(file, Files.readAllBytes(file));
            }
        }
        return contents;
    }
}
