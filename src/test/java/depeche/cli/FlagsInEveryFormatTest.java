package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.testing.SeedRun;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** A run of the seed article: every sentence's flags and confidence are the same in JSON, HTML and XLIFF. */
class FlagsInEveryFormatTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = SeedRun.ID;
    private static final String MDA = "urn:oasis:names:tc:xliff:metadata:2.0";

    @TempDir
    static Path dir;
    static Path output;

    @BeforeAll
    static void run() throws IOException {
        output = SeedRun.run(dir, "--beams", "2", "--max-length", "16", "--summarizer", "none",
                "--formats", "json,html,xliff", "--min-confidence", "-0.9");
    }

    /** Per sentence: "code,code|confidence". */
    private static List<String> fromJson() throws IOException {
        List<String> sentences = new ArrayList<>();
        JSON.readTree(output.resolve(ID + ".json").toFile()).get("paragraphs").forEach(p -> p.get("sentences")
                .forEach(s -> sentences.add(String.join(",", s.get("flags").findValuesAsText("code")) + "|"
                        + s.get("confidence").asDouble())));
        return sentences;
    }

    @Test
    void theRunRecordsItsMinimumAndFlagsSentencesUnderIt() throws IOException {
        JsonNode article = JSON.readTree(output.resolve(ID + ".json").toFile());
        assertThat(article.at("/settings/min_confidence").asText()).isEqualTo("-0.9");
        List<String> sentences = fromJson();
        assertThat(sentences).hasSize(14);
        // The tiny model's random weights score under -0.9 (and loop or come out short: other flags vary).
        assertThat(sentences).allSatisfy(s -> assertThat(s).contains("low-confidence"));
    }

    @Test
    void htmlShowsTheSameFlagsAndConfidence() throws IOException {
        List<String> html = new ArrayList<>();
        for (Element span : Jsoup.parse(output.resolve(ID + ".html").toFile()).select("main p[lang=en] span.s")) {
            html.add(span.attr("data-flags").replace(' ', ',') + "|" + Double.parseDouble(span.attr("data-confidence")));
        }
        assertThat(html).containsExactlyElementsOf(fromJson());
    }

    @Test
    void xliffCarriesTheSameFlagsAndConfidence() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document xliff = factory.newDocumentBuilder().parse(output.resolve(ID + ".xlf").toFile());
        List<String> units = new ArrayList<>();
        NodeList all = xliff.getElementsByTagNameNS("urn:oasis:names:tc:xliff:document:2.0", "unit");
        for (int i = 1; i < all.getLength(); i++) { // after the headline
            org.w3c.dom.Element unit = (org.w3c.dom.Element) all.item(i);
            List<String> flags = new ArrayList<>();
            String confidence = null;
            NodeList metas = unit.getElementsByTagNameNS(MDA, "meta");
            for (int m = 0; m < metas.getLength(); m++) {
                org.w3c.dom.Element meta = (org.w3c.dom.Element) metas.item(m);
                String category = ((org.w3c.dom.Element) meta.getParentNode()).getAttribute("category");
                if (category.equals("quality-flags")) {
                    flags.add(meta.getAttribute("type"));
                } else if (meta.getAttribute("type").equals("confidence")) {
                    confidence = meta.getTextContent();
                }
            }
            units.add(String.join(",", flags) + "|" + Double.parseDouble(confidence));
        }
        assertThat(units).containsExactlyElementsOf(fromJson());
    }
}
