package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.Article;
import depeche.io.ArticleReaders;
import depeche.pipeline.OutputLock;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import depeche.text.SentenceSegmenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code depeche run} on the seed article and generated articles, with the tiny fixture models. */
class RunCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SEED = Path.of("seeds/000_8e5b8d439f3d6119.txt");
    private static final String SEED_ID = "000_8e5b8d439f3d6119";

    @TempDir
    Path tmp;
    Path input;
    Path output;

    @BeforeEach
    void copySeed() throws IOException {
        input = Files.createDirectories(tmp.resolve("in"));
        output = tmp.resolve("out");
        Files.copy(SEED, input.resolve(SEED.getFileName()));
    }

    /** A run with the fixture models; quick settings unless the test needs the defaults. */
    private Cli.Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString(),
                "--translation-model", Fixtures.dir(Fixtures.MARIAN).toString(), "--offline",
                "--models", tmp.resolve("no-models").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Greedy, short outputs, extractive summaries, unless {@code extra} says otherwise. */
    private Cli.Result quickRun(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        java.util.Map<String, String> defaults = new java.util.LinkedHashMap<>();
        defaults.put("--beams", "1");
        defaults.put("--max-length", "12");
        defaults.put("--summarizer", "extractive");
        defaults.forEach((option, value) -> {
            if (!args.contains(option)) {
                args.addAll(List.of(option, value));
            }
        });
        return run(args.toArray(String[]::new));
    }

    private JsonNode report() throws IOException {
        return JSON.readTree(output.resolve("run-report.json").toFile());
    }

    private static List<String> seedSentences() {
        Article seed = ArticleReaders.read(SEED).articles().get(0);
        SentenceSegmenter segmenter = new SentenceSegmenter();
        return seed.paragraphs().stream().flatMap(p -> segmenter.split(p).stream()).toList();
    }

    @Test
    void theSeedArticleGivesFourFilesWhereEverySentenceAppearsOnceInOrderWithItsTranslation() throws Exception {
        Cli.Result r = run("--summary-model", Fixtures.dir(Fixtures.BART).toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("depeche: 1 article: 1 translated, 0 skipped (unchanged), 0 failed");
        List<String> sentences = seedSentences();

        JsonNode json = JSON.readTree(output.resolve(SEED_ID + ".json").toFile());
        List<String> jsonFrench = new ArrayList<>();
        List<String> jsonEnglish = new ArrayList<>();
        json.get("paragraphs").forEach(p -> p.get("sentences").forEach(s -> {
            jsonFrench.add(s.get("fr").asText());
            jsonEnglish.add(s.get("en").asText());
        }));
        assertThat(jsonFrench).containsExactlyElementsOf(sentences);
        assertThat(jsonEnglish).allSatisfy(en -> assertThat(en).isNotBlank());
        assertThat(json.at("/summary/method").asText()).isEqualTo("abstractive");
        assertThat(json.at("/models/0/weights_sha256").asText()).hasSize(64);

        Document tmx = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(output.resolve(SEED_ID + ".tmx").toFile());
        assertThat(((Element) tmx.getElementsByTagName("header").item(0)).getAttribute("srclang")).isEqualTo("fr");
        NodeList units = tmx.getElementsByTagName("tu");
        assertThat(units.getLength()).isEqualTo(1 + sentences.size()); // the headline, then every sentence
        for (int i = 0; i < sentences.size(); i++) {
            NodeList segs = ((Element) units.item(i + 1)).getElementsByTagName("seg");
            assertThat(segs.item(0).getTextContent()).isEqualTo(sentences.get(i));
            assertThat(segs.item(1).getTextContent()).isEqualTo(jsonEnglish.get(i));
        }

        org.jsoup.nodes.Document html = Jsoup.parse(output.resolve(SEED_ID + ".html").toFile());
        assertThat(html.select("main [lang=fr] span.s").eachText()).containsExactlyElementsOf(sentences);
        assertThat(html.select("main [lang=en] span.s").eachText()).containsExactlyElementsOf(jsonEnglish);

        String markdown = Files.readString(output.resolve(SEED_ID + ".md"));
        int at = -1;
        for (String sentence : sentences) {
            int next = markdown.indexOf(sentence);
            assertThat(next).as(sentence).isGreaterThan(at);
            assertThat(markdown.indexOf(sentence, next + 1)).as("twice: " + sentence).isEqualTo(-1);
            at = next;
        }

        org.jsoup.nodes.Document index = Jsoup.parse(output.resolve("index.html").toFile());
        assertThat(index.select("a[href]").eachAttr("href")).contains(SEED_ID + ".html");

        JsonNode article = report().get("articles").get(0);
        assertThat(article.get("status").asText()).isEqualTo("translated");
        assertThat(article.get("sentences").asInt()).isEqualTo(sentences.size() + 1);
        assertThat(article.get("outputs")).hasSize(4);
    }

    @Test
    void unchangedArticlesAreSkippedChangedOnesRedoneAndForceRedoesAll() throws Exception {
        assertThat(quickRun().exitCode()).isZero();
        Path md = output.resolve(SEED_ID + ".md");
        Files.setLastModifiedTime(md, FileTime.fromMillis(0));

        Cli.Result again = quickRun();
        assertThat(again.exitCode()).isZero();
        assertThat(again.err()).contains("1 article: 0 translated, 1 skipped");
        assertThat(report().at("/articles/0/status").asText()).isEqualTo("skipped");
        assertThat(Files.getLastModifiedTime(md).toMillis()).isZero();

        assertThat(quickRun("--beams", "2").err()).as("other settings redo it").contains("1 translated");
        assertThat(quickRun("--beams", "2", "--force").err()).contains("1 translated, 0 skipped");
        Files.writeString(input.resolve(SEED.getFileName()), "\nUn nouveau paragraphe.", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(quickRun("--beams", "2").err()).as("changed input redoes it").contains("1 translated");
        Files.delete(output.resolve(SEED_ID + ".tmx"));
        assertThat(quickRun("--beams", "2").err()).as("a missing output redoes it").contains("1 translated");
    }

    @Test
    void aFailingArticleDoesNotStopTheOthers() throws Exception {
        Files.write(input.resolve("broken.txt"), new byte[] {'T', 'i', 't', (byte) 0xC3, (byte) 0x28, '\n', 'x'});
        Files.writeString(input.resolve("batch.jsonl"), """
                {"id": "good", "title": "Un titre", "text": "Bonjour tout le monde."}
                {"id": "no-text", "title": "Sans texte"}
                """);
        Cli.Result r = quickRun();
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(output.resolve(SEED_ID + ".md")).exists();
        assertThat(output.resolve("good.md")).exists();
        JsonNode report = report();
        assertThat(report.at("/counts/translated").asInt()).isEqualTo(2);
        assertThat(report.at("/counts/failed").asInt()).isEqualTo(2);
        List<String> errors = new ArrayList<>();
        report.get("articles").forEach(a -> a.path("errors").forEach(e -> errors.add(e.asText())));
        assertThat(errors).anySatisfy(e -> assertThat(e).contains("broken.txt"))
                .anySatisfy(e -> assertThat(e).contains("batch.jsonl:2"));
        try (Stream<Path> files = Files.list(output)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"))
                    .noneMatch(n -> n.startsWith("broken"));
        }
        // The index lists every article of the run, the failed ones (no page) with their error.
        org.jsoup.nodes.Document index = Jsoup.parse(output.resolve("index.html").toFile());
        assertThat(index.select("tbody > tr").eachAttr("data-id"))
                .containsExactlyInAnyOrder(SEED_ID, "good", "broken", "batch");
        assertThat(index.selectFirst("tr[data-id=broken]").attr("data-status")).isEqualTo("failed");
        assertThat(index.selectFirst("tr[data-id=broken] .error").text()).contains("broken.txt");
        assertThat(index.select("tr[data-status=failed] a")).isEmpty();
        assertThat(index.selectFirst("tr[data-id=" + SEED_ID + "] a").attr("href")).isEqualTo(SEED_ID + ".html");
    }

    @Test
    void aSecondRunOnTheSameOutputFolderIsRefused() throws Exception {
        try (OutputLock held = OutputLock.acquire(output)) {
            Cli.Result r = quickRun();
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("in use by another depeche run");
            assertThat(output.resolve(SEED_ID + ".md")).doesNotExist();
        }
        assertThat(quickRun().exitCode()).as("released afterwards").isZero();
    }

    @Test
    void overLongSentencesAreSplitAndNothingIsLost() throws Exception {
        Cli.Result r = quickRun("--max-sentence-tokens", "40");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode article = report().at("/articles/0");
        assertThat(article.get("split_sentences").asInt()).isGreaterThan(3);
        assertThat(article.get("warnings").toString()).contains("exceeds the model's limit of 40");
        JsonNode json = JSON.readTree(output.resolve(SEED_ID + ".json").toFile());
        List<String> french = new ArrayList<>();
        json.get("paragraphs").forEach(p -> p.get("sentences").forEach(s -> french.add(s.get("fr").asText())));
        assertThat(french).containsExactlyElementsOf(seedSentences());
    }

    @Test
    void articlesBatchedTogetherGetTheTranslationsEachGetsAlone() throws Exception {
        List<String> paragraphs = ArticleReaders.read(SEED).articles().get(0).paragraphs();
        for (int i = 0; i < 3; i++) {
            Files.writeString(input.resolve("part" + i + ".txt"),
                    "Titre " + i + "\n" + String.join("\n", paragraphs.subList(i * 3, i * 3 + 4)));
        }
        assertThat(quickRun().exitCode()).isZero();
        JsonNode together = JSON.readTree(output.resolve("part1.json").toFile()).get("paragraphs");
        for (String other : List.of(SEED.getFileName().toString(), "part0.txt", "part2.txt")) {
            Files.delete(input.resolve(other));
        }
        output = tmp.resolve("alone");
        assertThat(quickRun().exitCode()).isZero();
        assertThat(JSON.readTree(output.resolve("part1.json").toFile()).get("paragraphs")).isEqualTo(together);
    }

    @Test
    void twoHundredArticlesAreAllAccountedFor() throws Exception {
        List<String> paragraphs = ArticleReaders.read(SEED).articles().get(0).paragraphs();
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            String text = String.join("\n\n", paragraphs.subList(i % 8, i % 8 + 3));
            jsonl.append(JSON.writeValueAsString(java.util.Map.of("id", String.format("a%03d", i),
                    "title", "Article " + i, "text", text))).append('\n');
        }
        Files.writeString(input.resolve("many.jsonl"), jsonl);
        Cli.Result r = quickRun("--max-length", "6", "--formats", "json,html");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = report();
        assertThat(report.at("/counts/articles").asInt()).isEqualTo(201);
        assertThat(report.at("/counts/translated").asInt()).isEqualTo(201);
        assertThat(report.get("articles")).hasSize(201);
        assertThat(Jsoup.parse(output.resolve("index.html").toFile()).select("a[href$=.html]")).hasSize(201);
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(quickRun("--formats", "md,pdf").err()).contains("--formats", "pdf");
        assertThat(quickRun("--formats", "md,pdf").exitCode()).isEqualTo(2);
        Cli.Result missing = Cli.run("run", "--input", tmp.resolve("nowhere").toString(), "--offline");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nowhere", "does not exist");
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsOneLineAndExit2() throws IOException {
        output = Files.writeString(tmp.resolve("a-file"), "not a folder");
        Cli.Result r = quickRun();
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("depeche: ").contains("a-file").doesNotContain("\n\tat ");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aModelFoldersWarningsAreOnStderrAndInTheReport() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("marian-with-unknown-key"));
        String config = Files.readString(model.resolve("config.json"));
        assertThat(config).startsWith("{");
        Files.writeString(model.resolve("config.json"), "{\"frobnicate_logits\": true, " + config.substring(1));

        Cli.Result r = Cli.run("run", "--input", input.toString(), "--output", output.toString(), "--translation-model",
                model.toString(), "--offline", "--models", tmp.resolve("no-models").toString(), "--beams", "1",
                "--max-length", "12", "--summarizer", "none");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("depeche: warning: ").contains("frobnicate_logits");
        assertThat(report().get("warnings")).singleElement().asString().contains("frobnicate_logits");
    }
}
