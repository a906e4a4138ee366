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
            // The confidence is HF's sequences_scores for the chosen beam.
            assertThat(sentence.get("confidence").asDouble())
                    .isCloseTo(c.get("beam_sequence_score").asDouble(), org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    @Test
    void beamsOptionOverridesTheGenerationConfig() throws Exception {
        JsonNode c = golden.get("cases").get(2);
        Cli.Result r = Cli.run("translate", "--model", model, "--beams", "1", "--json", c.get("text").asText());
        long[] greedy = Fixtures.ids(c.get("greedy_ids"));
        JsonNode sentence = JSON.readTree(r.out()).get("sentences").get(0);
        assertThat(Fixtures.ids(sentence.get("ids"))).containsExactly(Arrays.copyOfRange(greedy, 1, greedy.length));
        assertThat(sentence.has("confidence")).as("greedy search computes no sequence score").isFalse();
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

    /** The plain translation of one line, as {@code translate} prints it alone. */
    private String alone(String line) {
        Cli.Result r = Cli.run("translate", "--model", model, "--beams", "1", "--max-length", "12", line);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).endsWith("\n").doesNotContain("\n\n");
        return r.out().substring(0, r.out().length() - 1);
    }

    @Test
    void blankLinesAtTheStartAndEndAreKeptOneOutputLinePerInputLine() throws Exception {
        String bonjour = alone("Bonjour.");

        Cli.Result r = Cli.runWithStdin("\n\nBonjour.\n\n", "translate", "--model", model, "--beams", "1",
                "--max-length", "12");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("\n\n" + bonjour + "\n\n");
        assertThat(r.out().lines()).hasSize(4);
        Cli.Result json = Cli.runWithStdin("\n\nBonjour.\n\n", "translate", "--model", model, "--json", "--beams", "1",
                "--max-length", "12");
        assertThat(JSON.readTree(json.out()).get("translation").asText()).isEqualTo("\n\n" + bonjour + "\n");
    }

    @Test
    void linesOfSpacesOrInvisibleCharactersAndWindowsLineEndsKeepTheLineCount() {
        String stdin = "\u200B\r\nBonjour.\r\n \u00A0\t\r\n\r\nSalut.\r\n";
        Cli.Result r = Cli.runWithStdin(stdin, "translate", "--model", model, "--beams", "1", "--max-length", "12");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("\n" + alone("Bonjour.") + "\n\n\n" + alone("Salut.") + "\n");
        assertThat(r.out().lines()).hasSameSizeAs(stdin.lines().toList());
    }

    @Test
    void noInputLineGivesNoOutputLine() {
        Cli.Result r = Cli.runWithStdin("", "translate", "--model", model);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aPastedParagraphIsSplitIntoSentencesEachTranslatedAsAlone() throws Exception {
        List<JsonNode> cases = Fixtures.list(golden.get("cases"));
        String paragraph = cases.get(0).get("text").asText() + " " + cases.get(1).get("text").asText();
        Cli.Result r = Cli.run("translate", "--model", model, "--json", paragraph);
        JsonNode sentences = JSON.readTree(r.out()).get("sentences");
        assertThat(sentences).hasSize(2);
        for (int i = 0; i < 2; i++) {
            long[] beam = Fixtures.ids(cases.get(i).get("beam_ids"));
            assertThat(sentences.get(i).get("source").asText()).isEqualTo(cases.get(i).get("text").asText());
            assertThat(Fixtures.ids(sentences.get(i).get("ids"))).containsExactly(Arrays.copyOfRange(beam, 1, beam.length));
        }
        assertThat(JSON.readTree(r.out()).get("translation").asText()).isEqualTo(
                cases.get(0).get("beam_text").asText() + " " + cases.get(1).get("beam_text").asText());
    }

    @Test
    void anOverLongSentenceIsTranslatedInClausesAndRejoinedWithAWarning() throws Exception {
        JsonNode longCase = Fixtures.list(golden.get("cases")).stream()
                .filter(c -> c.get("name").asText().equals("long")).findFirst().orElseThrow();
        String sentence = longCase.get("text").asText();
        Cli.Result r = Cli.run("translate", "--model", model, "--json", "--max-sentence-tokens", "50", sentence);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode out = JSON.readTree(r.out()).get("sentences").get(0);
        assertThat(out.get("source").asText()).isEqualTo(sentence);
        assertThat(out.get("warnings").get(0).asText()).contains("84 tokens", "limit of 50", "2 parts");
        assertThat(r.err()).contains("sentence 1: sentence of 84 tokens exceeds the model's limit of 50");
        // Each part is translated as if alone, and the English parts are joined by a space.
        String first = sentence.substring(0, sentence.indexOf(", selon") + 1);
        String second = sentence.substring(sentence.indexOf("selon"));
        JsonNode a = JSON.readTree(Cli.run("translate", "--model", model, "--json", first).out()).get("sentences").get(0);
        JsonNode b = JSON.readTree(Cli.run("translate", "--model", model, "--json", second).out()).get("sentences").get(0);
        assertThat(out.get("target").asText()).isEqualTo(a.get("target").asText() + " " + b.get("target").asText());
        long[] both = java.util.stream.LongStream.concat(
                java.util.stream.LongStream.of(Fixtures.ids(a.get("ids"))),
                java.util.stream.LongStream.of(Fixtures.ids(b.get("ids")))).toArray();
        assertThat(Fixtures.ids(out.get("ids"))).containsExactly(both);
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

    @Test
    void jsonCarriesTheFlagsAndMinConfidenceFlagsTheSentencesUnderIt() throws Exception {
        JsonNode c = golden.get("cases").get(0);
        double score = c.get("beam_sequence_score").asDouble();
        Cli.Result under = Cli.run("translate", "--model", model, "--json", "--min-confidence",
                Double.toString(score + 0.01), c.get("text").asText());
        assertThat(under.exitCode()).as(under.err()).isZero();
        JsonNode flags = JSON.readTree(under.out()).at("/sentences/0/flags");
        assertThat(flags.findValuesAsText("code")).contains("low-confidence");
        JsonNode low = flags.get(flags.findValuesAsText("code").indexOf("low-confidence"));
        assertThat(low.get("severity").asText()).isEqualTo("warning");
        assertThat(low.get("reason").asText()).startsWith("the model's confidence -").contains("under the run's minimum");

        Cli.Result over = Cli.run("translate", "--model", model, "--json", "--min-confidence",
                Double.toString(score - 0.01), c.get("text").asText());
        JsonNode none = JSON.readTree(over.out()).at("/sentences/0/flags");
        assertThat(none.isArray()).isTrue();
        assertThat(none.findValuesAsText("code")).doesNotContain("low-confidence");
    }

    @Test
    void theTinyModelsLoopingOutputIsFlaggedInJsonAndOnStderr() throws Exception {
        // Random weights loop ("tictictic…" up to max_length): the checks say so, as they would for a real model.
        String text = golden.get("cases").get(0).get("text").asText();
        JsonNode flags = JSON.readTree(Cli.run("translate", "--model", model, "--json", text).out())
                .at("/sentences/0/flags");
        assertThat(flags.findValuesAsText("code")).containsExactly("cut", "repetition", "length-ratio");
        assertThat(flags.findValuesAsText("severity")).containsExactly("error", "error", "warning");

        Cli.Result plain = Cli.run("translate", "--model", model, text);
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.err()).contains("depeche: sentence 1: the translation reached max_length",
                "depeche: sentence 1: repetition: the English repeats \"tic\" over and over",
                "depeche: sentence 1: length-ratio: ");
        assertThat(plain.err()).as("the cut is said once").doesNotContain("sentence 1: cut:");
    }

    @Test
    void minConfidenceIsALogProbabilityAndNeedsBeamSearch() {
        Cli.Result positive = Cli.run("translate", "--model", model, "--min-confidence", "0.5", "Bonjour.");
        assertThat(positive.exitCode()).isEqualTo(2);
        assertThat(positive.err()).contains("--min-confidence is a log-probability, 0 or below (e.g. -0.8), not 0.5");
        Cli.Result greedy = Cli.run("translate", "--model", model, "--beams", "1", "--min-confidence", "-1", "Bonjour.");
        assertThat(greedy.exitCode()).as(greedy.err()).isZero();
        assertThat(greedy.err()).contains("depeche: warning: --min-confidence has no effect with greedy search");
    }
}
