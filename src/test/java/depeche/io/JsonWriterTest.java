package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.SentencePair;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE);
    private final BilingualDocument document = SampleDocument.sample();

    @Test
    void roundTripsThroughItsSchema() throws Exception {
        String json = WriterTestSupport.render(Format.JSON, document);
        JsonWriter.ArticleJson read = MAPPER.readValue(json, JsonWriter.ArticleJson.class);
        assertThat(read).isEqualTo(JsonWriter.ArticleJson.of(document));
    }

    @Test
    void holdsEverythingUnderStableNames() throws Exception {
        JsonNode json = MAPPER.readTree(WriterTestSupport.render(Format.JSON, document));
        assertThat(json.get("format").asText()).isEqualTo("depeche-article/1");
        assertThat(json.get("id").asText()).isEqualTo("sample-1");
        assertThat(json.at("/source/file").asText()).isEqualTo("seeds/sample-1.txt");
        assertThat(json.at("/source/url").asText()).isEqualTo("https://journal.example/a?x=1&y=\"2\"");
        assertThat(json.at("/source/date").asText()).isEqualTo("2022-01-08");
        assertThat(json.at("/title/fr").asText()).isEqualTo("Le « titre » & <l’article>");
        assertThat(json.at("/title/en").asText()).isEqualTo("EN: Le « titre » & <l’article>");
        assertThat(json.at("/summary/method").asText()).isEqualTo("extractive");
        assertThat(json.at("/summary/en").asText()).isEqualTo(document.summary().orElseThrow().english());
        assertThat(json.at("/summary/fr").asText()).isEqualTo(document.summary().orElseThrow().french().orElseThrow());
        assertThat(json.at("/summary").has("model")).isFalse();
        assertThat(json.at("/models/0/name").asText()).isEqualTo("opus-mt-fr-en");
        assertThat(json.at("/models/0/type").asText()).isEqualTo("marian");
        assertThat(json.at("/models/0/weights_sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(json.at("/settings/beams").asText()).isEqualTo("4");
        assertThat(json.at("/timings_ms/translation").asLong()).isEqualTo(1234);
        assertThat(json.at("/tool_version").asText()).isEqualTo("0.1.0-test");
        assertThat(json.get("warnings")).hasSize(3);
    }

    @Test
    void paragraphsHoldTheAlignedSentencesInOrder() throws Exception {
        JsonNode paragraphs = MAPPER.readTree(WriterTestSupport.render(Format.JSON, document)).get("paragraphs");
        List<AlignedParagraph> expected = document.paragraphs();
        assertThat(paragraphs).hasSize(expected.size());
        for (int p = 0; p < expected.size(); p++) {
            JsonNode sentences = paragraphs.get(p).get("sentences");
            List<SentencePair> pairs = expected.get(p).sentences();
            assertThat(sentences).hasSize(pairs.size());
            for (int s = 0; s < pairs.size(); s++) {
                assertThat(sentences.get(s).get("fr").asText()).isEqualTo(pairs.get(s).source());
                assertThat(sentences.get(s).get("en").asText()).isEqualTo(pairs.get(s).target());
                assertThat(sentences.get(s).has("warnings")).isEqualTo(!pairs.get(s).warnings().isEmpty());
            }
        }
        assertThat(paragraphs.at("/2/sentences/1/warnings/0").asText()).isEqualTo(SampleDocument.SPLIT_WARNING);
    }

    @Test
    void sentencesCarryTheirConfidenceFlagsAndOrigin() throws Exception {
        JsonNode sentences = MAPPER.readTree(WriterTestSupport.render(Format.JSON, document)).at("/paragraphs/0/sentences");
        JsonNode flagged = sentences.get(0);
        assertThat(flagged.get("confidence").asDouble()).isEqualTo(SampleDocument.CONFIDENCE_1_1);
        assertThat(flagged.get("flags")).hasSize(1);
        assertThat(flagged.at("/flags/0/code").asText()).isEqualTo("number-mismatch");
        assertThat(flagged.at("/flags/0/severity").asText()).isEqualTo("error");
        assertThat(flagged.at("/flags/0/reason").asText()).isEqualTo(SampleDocument.NUMBER_FLAG.reason());
        assertThat(flagged.get("origin").asText()).isEqualTo("machine");
        JsonNode reviewed = sentences.get(1);
        assertThat(reviewed.get("origin").asText()).isEqualTo("reviewed");
        assertThat(reviewed.get("flags")).isEmpty();
        assertThat(reviewed.has("confidence")).isFalse();
    }

    @Test
    void leavesOutWhatIsAbsent() throws Exception {
        BilingualDocument bare = new BilingualDocument(
                new Article("bare", "Titre", List.of("Texte."), Path.of("bare.txt")),
                "Title", List.of(new AlignedParagraph(List.of(new SentencePair("Texte.", "Text.")))),
                Optional.empty(), document.run(), List.of());
        JsonNode json = MAPPER.readTree(WriterTestSupport.render(Format.JSON, bare));
        assertThat(json.has("summary")).isFalse();
        assertThat(json.get("source").has("url")).isFalse();
        assertThat(json.get("warnings")).isEmpty();
    }
}
