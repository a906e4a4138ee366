package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranslateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode golden = Fixtures.golden(Fixtures.MARIAN);
    private final String model = Fixtures.dir(Fixtures.MARIAN).toString();

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    @Test
    void jsonGivesTheBeamIdsAfterTheStartTokenAndTheDecodedText() throws Exception {
        for (JsonNode c : golden.get("cases")) {
            Cli.Result r = Cli.run("translate", "--model", model, "--json", c.get("text").asText());
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode out = JSON.readTree(r.out());
            long[] beam = Fixtures.ids(c.get("beam_ids"));
            JsonNode sentence = out.get("sentences").get(0);
            assertThat(Fixtures.ids(sentence.get("ids"))).containsExactly(Arrays.copyOfRange(beam, 1, beam.length));
            assertThat(sentence.get("target").asText()).isEqualTo(c.get("beam_text").asText());
            assertThat(sentence.get("source").asText()).isEqualTo(c.get("text").asText().strip());
            assertThat(out.get("translation").asText()).isEqualTo(c.get("beam_text").asText());
        }
    }

    @Test
    void beamsOptionOverridesTheGenerationConfig() throws Exception {
        JsonNode c = golden.get("cases").get(2);
        Cli.Result r = Cli.run("translate", "--model", model, "--beams", "1", "--json", c.get("text").asText());
        long[] greedy = Fixtures.ids(c.get("greedy_ids"));
        assertThat(Fixtures.ids(JSON.readTree(r.out()).get("sentences").get(0).get("ids")))
                .containsExactly(Arrays.copyOfRange(greedy, 1, greedy.length));
    }

    @Test
    void maxLengthOptionLimitsTheOutput() throws Exception {
        JsonNode c = golden.get("cases").get(0);
        Cli.Result r = Cli.run("translate", "--model", model, "--max-length", "24", "--json", c.get("text").asText());
        assertThat(JSON.readTree(r.out()).get("sentences").get(0).get("ids").size()).isLessThanOrEqualTo(23);
    }

    @Test
    void stdinLinesAreSentencesTranslatedInOrderWithBlankLinesKept() {
        List<JsonNode> cases = Fixtures.list(golden.get("cases"));
        String stdin = cases.get(0).get("text").asText() + "\n\n" + cases.get(2).get("text").asText() + "\n";
        Cli.Result r = Cli.runWithStdin(stdin, "translate", "--model", model);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo(cases.get(0).get("beam_text").asText() + "\n\n"
                + cases.get(2).get("beam_text").asText() + "\n");
    }

    @Test
    void aMissingDefaultModelSaysHowToFetchItWithExitCode2() {
        Cli.Result r = Cli.run("translate", "--offline", "--models", tmp.toString(), "Bonjour");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("depeche models fetch opus-mt-fr-en").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void aBadBeamCountIsAUsageError() {
        Cli.Result r = Cli.run("translate", "--model", model, "--beams", "0", "Bonjour");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--beams must be at least 1");
    }
}
