package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SummarizeCommandTest {
    private final JsonNode golden = Fixtures.golden(Fixtures.BART);
    private final String model = Fixtures.dir(Fixtures.BART).toString();

    @Test
    void jsonGivesTheBeamIdsAfterTheStartTokenAndTheSummary() throws Exception {
        for (JsonNode c : golden.get("cases")) {
            Cli.Result r = Cli.run("summarize", "--model", model, "--json", c.get("text").asText());
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode out = new ObjectMapper().readTree(r.out());
            long[] beam = Fixtures.ids(c.get("beam_ids"));
            assertThat(Fixtures.ids(out.get("ids"))).containsExactly(Arrays.copyOfRange(beam, 1, beam.length));
            assertThat(out.get("summary").asText()).isEqualTo(c.get("beam_text").asText());
        }
    }

    /**
     * HF's summarization pipeline puts the model's prefix ({@code task_specific_params.summarization.prefix}, else
     * {@code config.json}'s {@code prefix}) before the text: summarizing X with prefix P gives exactly the ids of
     * summarizing P + X without one.
     */
    @Test
    void theModelsSummarizationPrefixGoesBeforeTheText(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        java.nio.file.Path withPrefix = Fixtures.copy(Fixtures.BART, tmp.resolve("prefixed"));
        java.nio.file.Path config = withPrefix.resolve("config.json");
        String original = java.nio.file.Files.readString(config);
        assertThat(original).startsWith("{").doesNotContain("\"prefix\"");
        java.nio.file.Files.writeString(config, "{\"prefix\": \"summary of: \", " + original.substring(1));
        String text = golden.get("cases").get(1).get("text").asText();

        Cli.Result prefixed = Cli.run("summarize", "--model", withPrefix.toString(), "--json", text);
        Cli.Result byHand = Cli.run("summarize", "--model", model, "--json", "summary of: " + text);
        Cli.Result plain = Cli.run("summarize", "--model", model, "--json", text);

        JsonNode ids = new ObjectMapper().readTree(prefixed.out()).get("ids");
        assertThat(ids).isEqualTo(new ObjectMapper().readTree(byHand.out()).get("ids"));
        assertThat(ids).isNotEqualTo(new ObjectMapper().readTree(plain.out()).get("ids"));
    }

    @Test
    void readsStandardInputWhenNoTextIsGiven() {
        JsonNode c = golden.get("cases").get(0);
        Cli.Result r = Cli.runWithStdin(c.get("text").asText() + "\n", "summarize", "--model", model);
        assertThat(r.out()).isEqualTo(c.get("beam_text").asText() + "\n");
    }

    @Test
    void aTextLongerThanTheModelTakesIsSummarizedInChunksNotCut() throws Exception {
        StringBuilder text = new StringBuilder();
        for (JsonNode c : golden.get("cases")) {
            text.append(c.get("text").asText()).append(' ');
        }
        String longText = text.toString().repeat(3).strip(); // well over tiny-bart's 128 positions
        Cli.Result r = Cli.run("summarize", "--model", model, "--json", longText);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("too long for the summarization model (128 tokens)", "chunks");
        JsonNode out = new ObjectMapper().readTree(r.out());
        assertThat(out.get("summary").asText()).isNotBlank();
        assertThat(out.get("ids").size()).isPositive();
    }

    @Test
    void emptyInputIsAUsageError() {
        Cli.Result r = Cli.runWithStdin("  \n", "summarize", "--model", model);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("nothing to summarize");
    }
}
