package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * {@code depeche run} on a Markdown article with code blocks (fenced, indented, in a list, in a quote) and a GFM
 * table, with the tiny fixture model: the code comes out unchanged in every format and never reaches the model; the
 * table comes out a table, each cell the model's translation of that cell.
 */
class CodeAndTablesRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "code-and-tables";
    private static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";

    /** The article's code blocks, as its source holds them (without fences and indentation of the block). */
    private static final List<String> CODE = List.of(
            "# Calcul de l'impôt : ceci n'est pas un titre\ndef impot(revenu):\n    \"\"\"Taux unique, voir ```la loi```.\"\"\"\n"
                    + "    return revenu * 0.3  # a < b && c | d",
            "SELECT nom FROM villes WHERE population > 100000;\n  -- fin de la requête",
            "echo \"bonjour\"",
            "rm -rf /tmp/impot");
    private static final List<List<String>> TABLE = List.of(
            List.of("Ville", "Habitants", "Remarque"),
            List.of("Paris", "2 100 000", "capitale"),
            List.of("Lyon", "520 000", ""),
            List.of("Aix | Marseille", "870 000", "port"));

    @TempDir
    static Path dir;
    static Path output;
    static Cli.Result run;
    static JsonNode article;

    @BeforeAll
    static void run() throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("src/test/resources/markdown/" + ID + ".md"), input.resolve(ID + ".md"));
        output = dir.resolve("out");
        run = Cli.run("run", "--input", input.toString(), "--output", output.toString(),
                "--translation-model", Fixtures.dir(Fixtures.MARIAN).toString(), "--offline",
                "--models", dir.resolve("no-models").toString(), "--summarizer", "extractive",
                "--formats", "md,json,html,tmx,xliff");
        assertThat(run.exitCode()).as(run.err()).isZero();
        article = JSON.readTree(output.resolve(ID + ".json").toFile());
    }

    private static String file(String extension) throws IOException {
        return Files.readString(output.resolve(ID + "." + extension));
    }

    private static List<JsonNode> paragraphs(String kind) {
        return StreamSupport.stream(article.get("paragraphs").spliterator(), false)
                .filter(p -> p.get("kind").asText().equals(kind)).toList();
    }

    /** What {@code depeche translate} gives for {@code french} with the same model: the model's own output. */
    private static String modelOutput(String french) {
        Cli.Result r = Cli.run("translate", "--model", Fixtures.dir(Fixtures.MARIAN).toString(), "--offline", french);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().strip();
    }

    @Test
    void theJsonHoldsEachCodeBlockInPlaceUnchangedWithoutSentences() {
        List<String> kinds = new ArrayList<>();
        article.get("paragraphs").forEach(p -> kinds.add(p.get("kind").asText()));
        assertThat(kinds).containsExactly("prose", "code", "prose", "code", "table", "prose", "code", "prose", "code",
                "prose");
        List<JsonNode> code = paragraphs("code");
        assertThat(code).extracting(p -> p.get("code").asText()).containsExactlyElementsOf(CODE);
        assertThat(code).extracting(p -> p.path("language").asText()).containsExactly("python", "", "sh", "");
        assertThat(code).allSatisfy(p -> assertThat(p.get("sentences")).isEmpty());
    }

    @Test
    void codeNeverReachesTheModelNorTheSummaryNorTheMemory() throws IOException {
        List<String> french = new ArrayList<>();
        article.get("paragraphs").forEach(p -> p.get("sentences").forEach(s -> french.add(s.get("fr").asText())));
        // 5 prose sentences (one per prose paragraph) and the table's 11 cells with text.
        assertThat(french).hasSize(5 + 11);
        assertThat(french).noneMatch(s -> s.contains("impot") || s.contains("SELECT") || s.contains("echo")
                || s.contains("rm -rf"));
        JsonNode report = JSON.readTree(output.resolve("run-report.json").toFile()).at("/articles/0");
        assertThat(report.get("sentences").asInt()).as("headline and body sentences planned").isEqualTo(1 + 16);
        // What the model translated is what the memory keeps: every French text it was given, and no code.
        Cli.Result memory = Cli.run("memory", "export", "--memory", output.resolve(".depeche-memory.sqlite").toString());
        assertThat(memory.exitCode()).as(memory.err()).isZero();
        assertThat(memory.out()).doesNotContain("impot", "SELECT", "echo", "rm -rf");
        assertThat(article.at("/summary/method").asText()).isEqualTo("extractive");
        assertThat(article.at("/summary/fr").asText()).doesNotContain("impot", "SELECT", "Ville", "Habitants");
    }

    @Test
    void theTableComesOutRowsByColumnsEachCellTheModelsTranslationOfIt() {
        JsonNode table = paragraphs("table").get(0);
        assertThat(table.at("/table/header_rows").asInt()).isEqualTo(1);
        assertThat(JSON.convertValue(table.at("/table/alignments"), List.class))
                .containsExactly("left", "right", "center");
        assertThat(JSON.convertValue(table.at("/table/fr"), List.class)).isEqualTo(TABLE);
        List<List<String>> english = JSON.convertValue(table.at("/table/en"), List.class);
        assertThat(english).hasSize(4).allSatisfy(row -> assertThat(row).hasSize(3));
        for (int r = 0; r < TABLE.size(); r++) {
            for (int c = 0; c < 3; c++) {
                String french = TABLE.get(r).get(c);
                assertThat(english.get(r).get(c)).as("row %d, column %d", r + 1, c + 1)
                        .isEqualTo(french.isEmpty() ? "" : modelOutput(french));
            }
        }
        assertThat(table.get("sentences")).extracting(s -> s.get("fr").asText())
                .containsExactlyElementsOf(TABLE.stream().flatMap(List::stream).filter(s -> !s.isEmpty()).toList());
    }

    @Test
    void theMarkdownFileHasTheCodeFencedUnchangedAndBothTablesAsGfmTables() throws IOException {
        String md = file("md");
        Node parsed = Parser.builder().extensions(List.of(TablesExtension.create())).build().parse(md);
        List<String> fenced = new ArrayList<>();
        List<List<List<String>>> tables = new ArrayList<>();
        parsed.accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock code) {
                fenced.add(code.getLiteral());
            }

            @Override
            public void visit(CustomBlock block) {
                if (block instanceof TableBlock) {
                    tables.add(rows(block));
                } else {
                    visitChildren(block);
                }
            }
        });
        assertThat(fenced).containsExactlyElementsOf(CODE.stream().map(code -> code + "\n").toList());
        assertThat(md).contains("*Code, not translated:*\n\n````python\n" + CODE.get(0) + "\n````\n");
        assertThat(tables).hasSize(2);
        assertThat(tables.get(0)).isEqualTo(TABLE); // the French one, quoted
        JsonNode table = paragraphs("table").get(0);
        assertThat(tables.get(1)).isEqualTo(JSON.convertValue(table.at("/table/en"), List.class));
        assertThat(md).contains("> | Ville | Habitants | Remarque |\n> | :--- | ---: | :---: |\n");
        // A reviewer is told which cell: the tiny model never writes the number of "2 100 000".
        assertThat(md).contains("- paragraph 5, row 2, column 2: number-mismatch (error)");
    }

    /** A parsed GFM table's cells as text, row by row. */
    private static List<List<String>> rows(Node table) {
        List<List<String>> rows = new ArrayList<>();
        table.accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow) {
                    rows.add(new ArrayList<>());
                } else if (node instanceof TableCell) {
                    StringBuilder text = new StringBuilder();
                    node.accept(new AbstractVisitor() {
                        @Override
                        public void visit(Text t) {
                            text.append(t.getLiteral());
                        }
                    });
                    rows.get(rows.size() - 1).add(text.toString());
                    return;
                }
                visitChildren(node);
            }
        });
        return rows;
    }

    @Test
    void theReviewPageShowsCodeUnchangedAndEachCellReviewableLikeASentence() throws IOException {
        Document page = Jsoup.parse(output.resolve(ID + ".html").toFile());
        List<Element> code = page.select("main figure.code");
        assertThat(code).extracting(figure -> figure.attr("translate")).containsOnly("no");
        assertThat(code).extracting(figure -> figure.selectFirst("pre > code").wholeText())
                .containsExactlyElementsOf(CODE);
        assertThat(code.get(0).selectFirst("figcaption").text()).isEqualTo("Code (python), not translated");
        assertThat(page.select("main span.s")).noneMatch(s -> s.text().contains("impot") || s.text().contains("SELECT"));

        JsonNode table = paragraphs("table").get(0);
        int p = indexOf(table) + 1;
        Element row = page.getElementById("p" + p);
        for (String language : List.of("fr", "en")) {
            Element html = row.selectFirst("table[lang=" + language + "]");
            assertThat(html.select("thead > tr")).hasSize(1);
            assertThat(html.select("tbody > tr")).hasSize(3);
            assertThat(html.select("tr")).allSatisfy(tr -> assertThat(tr.select("> th, > td")).hasSize(3));
            List<List<String>> texts = html.select("tr").stream()
                    .map(tr -> tr.select("> th, > td").stream().map(Element::text).toList()).toList();
            assertThat(texts).isEqualTo(JSON.convertValue(table.at("/table/" + language), List.class));
        }
        // Each English cell is a sentence of its paragraph: the script and the index find it, and it can be edited.
        List<Element> cells = page.select("main [lang=en] span.s[data-s^=" + p + ".]");
        assertThat(cells).hasSize(11).allSatisfy(span -> assertThat(span.attr("tabindex")).isEqualTo("0"));
        assertThat(cells.get(4).attr("data-s")).isEqualTo(p + ".5");
        assertThat(cells.get(4).text()).isEqualTo(table.at("/sentences/4/en").asText());
        assertThat(page.selectFirst("main [lang=fr] span.s[data-s=" + p + ".5]").text()).isEqualTo("2 100 000");
        assertThat(row.selectFirst("table[lang=en] tbody td").hasClass("align-left")).isTrue();
    }

    private static int indexOf(JsonNode paragraph) {
        for (int i = 0; i < article.get("paragraphs").size(); i++) {
            if (article.get("paragraphs").get(i).equals(paragraph)) {
                return i;
            }
        }
        throw new AssertionError("no such paragraph");
    }

    @Test
    void xliffMarksCodeTranslateNoKeepsItUnchangedAndStillValidates() throws Exception {
        String xliff = file("xlf");
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> null);
        factory.newSchema(new Source[] {source("/xliff/w3c/xml.xsd"), source("/xliff/xliff_core_2.0.xsd"),
                source("/xliff/modules/metadata.xsd")}).newValidator().validate(new StreamSource(new StringReader(xliff)));

        DocumentBuilderFactory builder = DocumentBuilderFactory.newInstance();
        builder.setNamespaceAware(true);
        org.w3c.dom.Document doc = builder.newDocumentBuilder().parse(output.resolve(ID + ".xlf").toFile());
        NodeList units = doc.getElementsByTagNameNS(XLIFF, "unit");
        List<String> code = new ArrayList<>();
        List<String> cellNames = new ArrayList<>();
        for (int i = 0; i < units.getLength(); i++) {
            org.w3c.dom.Element unit = (org.w3c.dom.Element) units.item(i);
            String source = unit.getElementsByTagNameNS(XLIFF, "source").item(0).getTextContent();
            if (unit.getAttribute("translate").equals("no")) {
                assertThat(unit.getAttributeNS(XMLConstants.XML_NS_URI, "space")).isEqualTo("preserve");
                assertThat(unit.getElementsByTagNameNS(XLIFF, "target").item(0).getTextContent()).isEqualTo(source);
                code.add(source);
            } else if (!unit.getAttribute("name").isEmpty()) {
                cellNames.add(unit.getAttribute("name"));
            }
        }
        assertThat(code).containsExactlyElementsOf(CODE);
        assertThat(cellNames).hasSize(11).startsWith("row 1, column 1", "row 1, column 2").contains("row 3, column 2")
                .doesNotContain("row 3, column 3");
    }

    private static Source source(String name) {
        return new StreamSource(CodeAndTablesRunTest.class.getResourceAsStream(name),
                CodeAndTablesRunTest.class.getResource(name).toString());
    }

    @Test
    void tmxLeavesCodeOutAndSaysWhereEachCellIs() throws IOException {
        String tmx = file("tmx");
        assertThat(tmx).doesNotContain("impot", "SELECT", "echo", "rm -rf");
        assertThat(tmx).contains("<prop type=\"x-depeche-cell\">row 4, column 1</prop>")
                .contains("<seg>Aix | Marseille</seg>");
    }

    @Test
    void reviewApplyCorrectsATableCellAndKeepsTheCode(@TempDir Path tmp) throws IOException {
        Path copy = Files.createDirectories(tmp.resolve("out"));
        for (String extension : List.of("md", "json", "html", "tmx", "xlf")) {
            Files.copy(output.resolve(ID + "." + extension), copy.resolve(ID + "." + extension));
        }
        JsonNode table = paragraphs("table").get(0);
        int p = indexOf(table) + 1;
        ObjectNode export = JSON.createObjectNode().put("format", "depeche-corrections/1").put("article", ID);
        export.set("models", article.get("models"));
        export.put("tool_version", article.get("tool_version").asText()).put("exported", "2026-12-02T10:00:00Z");
        export.putArray("sentences").addObject().put("paragraph", p).put("sentence", 4)
                .put("source", "Paris").put("old_target", table.at("/sentences/3/en").asText())
                .put("new_target", "Paris").put("reviewed", true);
        Path corrections = Files.writeString(tmp.resolve(ID + ".corrections.json"), JSON.writeValueAsString(export));

        Cli.Result r = Cli.run("review", "apply", corrections.toString(), "--output", copy.toString(), "--no-memory");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode after = JSON.readTree(copy.resolve(ID + ".json").toFile());
        JsonNode cell = after.at("/paragraphs/" + (p - 1) + "/sentences/3");
        assertThat(Map.of("en", cell.get("en").asText(), "origin", cell.get("origin").asText()))
                .isEqualTo(Map.of("en", "Paris", "origin", "reviewed"));
        assertThat(after.at("/paragraphs/" + (p - 1) + "/table/en/1/0").asText()).isEqualTo("Paris");
        assertThat(after.at("/paragraphs/" + (p - 1) + "/table/fr")).isEqualTo(table.at("/table/fr"));
        List<String> code = new ArrayList<>();
        after.get("paragraphs").forEach(q -> {
            if (q.get("kind").asText().equals("code")) {
                code.add(q.get("code").asText());
            }
        });
        assertThat(code).containsExactlyElementsOf(CODE);
        assertThat(Files.readString(copy.resolve(ID + ".md"))).contains("````python\n" + CODE.get(0) + "\n````\n");
        Element span = Jsoup.parse(copy.resolve(ID + ".html").toFile())
                .selectFirst("main [lang=en] span.s[data-s=" + p + ".4]");
        assertThat(span.text()).isEqualTo("Paris");
        assertThat(span.hasClass("reviewed")).isTrue();
    }
}
