package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.io.ArticleReaders;
import depeche.memory.MemoryStore;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import depeche.text.SentenceSegmenter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depeche run} with the translation memory, with the tiny fixture model: reuse, reviews, failures. */
class MemoryRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEED = Path.of("seeds/000_8e5b8d439f3d6119.txt");
    private static final String CHANGED = "Le président a parlé hier soir. Il a promis une réforme.";

    @TempDir
    Path tmp;
    Path input;
    Path output;

    /** Three articles of four seed paragraphs each, overlapping by one paragraph. */
    @BeforeEach
    void articles() throws IOException {
        input = Files.createDirectories(tmp.resolve("in"));
        output = tmp.resolve("out");
        List<String> paragraphs = ArticleReaders.read(SEED).articles().get(0).paragraphs();
        for (int i = 0; i < 3; i++) {
            Files.writeString(input.resolve("part" + i + ".txt"),
                    "Titre " + i + "\n" + String.join("\n", paragraphs.subList(i * 3, i * 3 + 4)));
        }
    }

    /** Greedy unless {@code extra} sets --beams, short outputs, extractive summaries, into {@code folder}. */
    private Cli.Result run(Path folder, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", folder.toString(),
                "--translation-model", Fixtures.dir(Fixtures.MARIAN).toString(), "--offline",
                "--models", tmp.resolve("no-models").toString(), "--max-length", "12",
                "--summarizer", "extractive", "--formats", "md,json,tmx"));
        args.addAll(List.of(extra));
        if (!args.contains("--beams")) {
            args.addAll(List.of("--beams", "1"));
        }
        return Cli.run(args.toArray(String[]::new));
    }

    private static JsonNode report(Path folder) throws IOException {
        return JSON.readTree(folder.resolve("run-report.json").toFile());
    }

    /** An article's JSON output without its timings, which differ from run to run. */
    private static JsonNode document(Path folder, String id) throws IOException {
        ObjectNode json = (ObjectNode) JSON.readTree(folder.resolve(id + ".json").toFile());
        json.findParents("timings_ms").forEach(parent -> ((ObjectNode) parent).remove("timings_ms"));
        return json;
    }

    /** The article's outputs equal those of a run without the memory in {@code reference}. */
    private static void assertSameOutputs(Path folder, Path reference, String id) throws IOException {
        assertThat(document(folder, id)).isEqualTo(document(reference, id));
        for (String format : List.of(".md", ".tmx")) {
            assertThat(Files.readString(folder.resolve(id + format))).as(id + format)
                    .isEqualTo(Files.readString(reference.resolve(id + format)));
        }
    }

    private static List<String> english(Path folder, String id) throws IOException {
        List<String> targets = new ArrayList<>();
        JSON.readTree(folder.resolve(id + ".json").toFile()).get("paragraphs")
                .forEach(p -> p.get("sentences").forEach(s -> targets.add(s.get("en").asText())));
        return targets;
    }

    /** Sentences of every article in the report. */
    private static int sentences(JsonNode report) {
        return report.get("articles").findValues("sentences").stream().mapToInt(JsonNode::asInt).sum();
    }

    private static List<String> warningLines(String stderr) {
        return stderr.lines().filter(line -> line.contains("translation memory")).toList();
    }

    @Test
    void aSecondRunWithOneParagraphChangedTranslatesOnlyThatParagraphsSentences() throws Exception {
        Cli.Result first = run(output);
        assertThat(first.exitCode()).as(first.err()).isZero();
        JsonNode firstReport = report(output);
        assertThat(firstReport.at("/memory/file").asText()).isEqualTo(output.resolve(".depeche-memory.sqlite")
                .toString());
        // The paragraphs two articles share are translated once, in the first run.
        assertThat(firstReport.at("/memory/hits").asInt()).isPositive();
        assertThat(firstReport.at("/memory/misses").asInt() + firstReport.at("/memory/hits").asInt())
                .isEqualTo(sentences(firstReport));

        List<String> lines = new ArrayList<>(Files.readAllLines(input.resolve("part1.txt")));
        lines.set(2, CHANGED);
        Files.write(input.resolve("part1.txt"), lines);
        Cli.Result second = run(output, "--force");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).contains("; memory: ").contains(" 2 translated by the model; ");

        JsonNode report = report(output);
        assertThat(report.at("/memory/misses").asInt()).as("the two new sentences only").isEqualTo(2);
        assertThat(report.at("/memory/reviewed").asInt()).isZero();
        assertThat(report.at("/memory/hits").asInt()).isEqualTo(sentences(report) - 2);
        for (JsonNode article : report.get("articles")) {
            boolean changed = article.get("id").asText().equals("part1");
            assertThat(article.at("/memory/misses").asInt()).as(article.get("id").asText()).isEqualTo(changed ? 2 : 0);
            assertThat(article.at("/memory/hits").asInt()).isEqualTo(article.get("sentences").asInt()
                    - (changed ? 2 : 0));
        }

        Path reference = tmp.resolve("without-memory");
        Cli.Result plain = run(reference, "--no-memory");
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(report(reference).has("memory")).isFalse();
        assertThat(report(reference).at("/articles/0").has("memory")).isFalse();
        assertThat(reference.resolve(".depeche-memory.sqlite")).doesNotExist();
        for (String id : List.of("part0", "part1", "part2")) {
            assertSameOutputs(output, reference, id);
        }
    }

    @Test
    void aReviewedCorrectionImportedFromTmxSurvivesForcedReruns() throws Exception {
        assertThat(run(output).exitCode()).isZero();
        List<String> before = english(output, "part0");
        String sentence = new SentenceSegmenter().split(Files.readAllLines(input.resolve("part0.txt")).get(2)).get(0);
        Path fixes = Files.writeString(tmp.resolve("fixes.tmx"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <tmx version="1.4"><header srclang="fr" creationtool="x" segtype="sentence" o-tmf="x" adminlang="en"
                datatype="plaintext"/><body>
                <tu><tuv xml:lang="fr-FR"><seg>%s</seg></tuv><tuv xml:lang="en"><seg>The diplomat commented.</seg></tuv></tu>
                <tu><tuv xml:lang="fr"><seg>Sans traduction.</seg></tuv></tu>
                </body></tmx>
                """.formatted(sentence.replace("&", "&amp;")));
        Path memory = output.resolve(MemoryStore.DEFAULT_FILE_NAME);

        Cli.Result imported = Cli.run("memory", "import", "--memory", memory.toString(), fixes.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).contains(fixes + ": 1 reviewed translation imported (1 new, 0 replaced), 1 unit"
                + " left out").contains("depeche:   line 5: no English (en) <tuv>");

        for (String beams : List.of("1", "2")) {
            Cli.Result again = run(output, "--force", "--beams", beams);
            assertThat(again.exitCode()).as(again.err()).isZero();
            List<String> after = english(output, "part0");
            assertThat(after.get(1)).as("beams " + beams).isEqualTo("The diplomat commented.");
            if (beams.equals("1")) {
                assertThat(after.subList(2, after.size())).isEqualTo(before.subList(2, before.size()));
                assertThat(after.get(0)).isEqualTo(before.get(0));
            }
            assertThat(report(output).at("/memory/reviewed").asInt()).isEqualTo(1);
            assertThat(report(output).at("/articles/0/memory/reviewed").asInt()).isEqualTo(1);
        }

        Cli.Result translated = Cli.run("translate", "--model", Fixtures.dir(Fixtures.MARIAN).toString(),
                "--memory", memory.toString(), "--json", sentence);
        assertThat(translated.exitCode()).as(translated.err()).isZero();
        JsonNode json = JSON.readTree(translated.out());
        assertThat(json.get("translation").asText()).isEqualTo("The diplomat commented.");
        assertThat(json.at("/sentences/0/origin").asText()).isEqualTo("reviewed");
        assertThat(json.at("/sentences/0/ids")).isEmpty();
    }

    @Test
    void aCorruptMemoryFileIsOneWarningAndTheRunGoesOnWithoutIt() throws Exception {
        Path memory = Files.createDirectories(output).resolve(MemoryStore.DEFAULT_FILE_NAME);
        byte[] garbage = "not a database, a file some other tool left here\n".repeat(100).getBytes();
        Files.write(memory, garbage);

        Cli.Result r = run(output);

        assertThat(r.exitCode()).as(r.err()).isZero();
        String warning = "translation memory " + memory + ": is not a translation memory (not an SQLite database, or"
                + " damaged); going on without it";
        assertThat(warningLines(r.err())).containsExactly("depeche: warning: " + warning);
        JsonNode report = report(output);
        assertThat(report.get("warnings")).extracting(JsonNode::asText).containsExactly(warning);
        assertThat(report.at("/counts/translated").asInt()).isEqualTo(3);
        // Nothing came from the file; repeats of a sentence in the run are still translated once.
        assertThat(report.at("/memory/reviewed").asInt()).isZero();
        assertThat(report.at("/memory/misses").asInt() + report.at("/memory/hits").asInt())
                .isEqualTo(sentences(report));
        assertThat(Files.readAllBytes(memory)).as("left as it was").isEqualTo(garbage);
        assertThat(english(output, "part2")).isNotEmpty().allSatisfy(en -> assertThat(en).isNotBlank());
    }

    @Test
    void aLockedMemoryFileIsOneWarningAndTheRunGoesOnWithoutIt() throws Exception {
        Path memory = tmp.resolve("shared/memory.sqlite");
        MemoryStore.open(memory).close();
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + memory);
             Statement sql = other.createStatement()) {
            sql.execute("PRAGMA locking_mode = EXCLUSIVE");
            sql.execute("BEGIN EXCLUSIVE");
            sql.execute("DELETE FROM runs");

            Cli.Result r = run(output, "--memory", memory.toString());

            assertThat(r.exitCode()).as(r.err()).isZero();
            String warning = "translation memory " + memory + ": is locked by another process (waited 5.0 s); going"
                    + " on without it";
            assertThat(warningLines(r.err())).containsExactly("depeche: warning: " + warning);
            assertThat(report(output).get("warnings")).extracting(JsonNode::asText).containsExactly(warning);
            assertThat(report(output).at("/counts/translated").asInt()).isEqualTo(3);
            sql.execute("ROLLBACK");
        }
    }

    @Test
    void memoryCommandsImportExportAndCount() throws Exception {
        Path memory = tmp.resolve("memory.sqlite");
        Path xliff = Files.writeString(tmp.resolve("review.xlf"), """
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
                <file id="a"><unit id="u1"><segment state="final"><source>Il pleut.</source>
                <target>It is raining.</target></segment></unit>
                <unit id="u2"><segment state="initial"><source>Il neige.</source><target>Snow.</target></segment></unit>
                </file></xliff>""");
        Cli.Result imported = Cli.run("memory", "import", "--memory", memory.toString(), xliff.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.err()).contains("1 reviewed translation imported (1 new, 0 replaced), 1 unit left out")
                .contains("(a/u2): not reviewed");

        Cli.Result broken = Cli.run("memory", "import", "--memory", memory.toString(), xliff.toString(),
                Files.writeString(tmp.resolve("broken.tmx"), "<tmx><body>").toString());
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err().strip().lines()).singleElement().asString()
                .startsWith("depeche: " + tmp.resolve("broken.tmx") + ":1: not well-formed XML");

        Cli.Result stats = Cli.run("memory", "stats", "--memory", memory.toString());
        assertThat(stats.exitCode()).as(stats.err()).isZero();
        assertThat(stats.out()).contains("machine:   0 translations (0 model contexts)")
                .contains("reviewed:  1 translations").contains("last run:  none yet");

        Cli.Result exported = Cli.run("memory", "export", "--memory", memory.toString(), "--reviewed-only");
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("<prop type=\"x-depeche-origin\">reviewed</prop>")
                .contains("<seg>It is raining.</seg>").contains("<note>imported from review.xlf</note>");
        Path file = tmp.resolve("export.tmx");
        assertThat(Cli.run("memory", "export", "--memory", memory.toString(), file.toString()).exitCode()).isZero();
        assertThat(Files.readString(file)).isEqualTo(exported.out().strip() + "\n");

        Cli.Result format = Cli.run("memory", "export", "--memory", memory.toString(), "--format", "xliff");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format: 'xliff' is not known (tmx)");
        Cli.Result missing = Cli.run("memory", "stats", "--memory", tmp.resolve("none.sqlite").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err().strip()).startsWith("depeche: " + tmp.resolve("none.sqlite") + ": no translation"
                + " memory there");
        Cli.Result both = run(output, "--memory", memory.toString(), "--no-memory");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--memory and --no-memory exclude each other");
    }
}
