package depeche.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.model.Architecture;
import depeche.model.ModelConfig;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depeche bench} on the tiny Marian fixture: what it counts, the ids it writes, and the id check. */
class BenchCommandTest {
    /** Three sentences of the tiny vocabulary asking for 5, 9 and 3 tokens. */
    private static final String WORKLOAD = """
            {"ids": [13, 3, 118, 179, 12, 211, 0], "min_new_tokens": 5, "max_new_tokens": 5}
            {"ids": [3, 238, 22, 219, 179, 12, 86, 3, 1, 0], "min_new_tokens": 9, "max_new_tokens": 9}
            {"ids": [13, 147, 0], "min_new_tokens": 3, "max_new_tokens": 3}
            """;

    @TempDir
    Path tmp;

    @Test
    void timesEachBatchingAndCountsTargetAndPaddedTokens() throws IOException {
        Path workload = Files.writeString(tmp.resolve("w.jsonl"), WORKLOAD);
        Cli.Result r = Cli.run("bench", "--model", Fixtures.dir(Fixtures.MARIAN).toString(), "--workload",
                workload.toString(), "--per-call", "1,2,all,job", "--threads", "1", "--json",
                "--ids", tmp.resolve("ids.jsonl").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("threads").asInt()).isEqualTo(1);
        assertThat(report.get("target_tokens").asInt()).isEqualTo(17);
        assertThat(report.has("load_average")).isTrue();
        List<JsonNode> runs = Fixtures.list(report.get("runs"));
        assertThat(runs).extracting(n -> n.get("per_call").asText()).containsExactly("1", "2", "3", "job");
        // Every row of a call runs to the call's longest length: 5+9+3 alone, 9+9 then 3, 9+9+9 together.
        assertThat(runs).extracting(n -> n.get("generated_tokens").asInt()).containsExactly(17, 21, 27, 27);
        assertThat(runs).extracting(n -> n.get("calls").asInt()).containsExactly(3, 2, 1, 1);
        assertThat(runs).allSatisfy(n -> {
            assertThat(n.get("target_tokens_per_s").asDouble()).isPositive();
            assertThat(n.get("peak_rss_mb").asDouble()).isPositive();
            assertThat(n.get("threads").asInt()).as("--threads 1 is kept whatever the load").isEqualTo(1);
            // CPU time of all threads, as /proc/self/stat counts it (10 ms ticks: a short run may count none)
            assertThat(n.get("cpu_s").asDouble()).isGreaterThanOrEqualTo(0);
            assertThat(n.get("minor_faults").asLong()).isGreaterThanOrEqualTo(0);
        });
    }

    @Test
    void writesForcedLengthIdsThatDoNotDependOnTheBatch() throws IOException {
        Path workload = Files.writeString(tmp.resolve("w.jsonl"), WORKLOAD);
        Path ids = tmp.resolve("ids.jsonl");
        Cli.Result r = Cli.run("bench", "--model", Fixtures.dir(Fixtures.MARIAN).toString(), "--workload",
                workload.toString(), "--per-call", "1,2", "--ids", ids.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        Map<String, List<long[]>> written = IdsFile.read(ids);
        List<long[]> alone = written.get("1");
        assertThat(alone).hasSize(3);
        int[] lengths = {5, 9, 3};
        for (int i = 0; i < 3; i++) {
            assertThat(alone.get(i)).hasSize(lengths[i] + 1).startsWith(404).endsWith(0);
        }
        // Sentence 1 is the longest of its pair, so its forced length is its own: batched or alone, same ids.
        assertThat(written.get("2").get(1)).containsExactly(alone.get(1));
        assertThat(written.get("2").get(0)).hasSize(10);
    }

    @Test
    void comparesIdsWithExpectedOnesAndFailsOnAnyDifference() throws IOException {
        Path workload = Files.writeString(tmp.resolve("w.jsonl"), WORKLOAD);
        Path ids = tmp.resolve("ids.jsonl");
        String model = Fixtures.dir(Fixtures.MARIAN).toString();
        assertThat(Cli.run("bench", "--model", model, "--workload", workload.toString(), "--per-call", "1",
                "--ids", ids.toString()).exitCode()).isZero();

        Cli.Result same = Cli.run("bench", "--model", model, "--workload", workload.toString(), "--per-call", "1",
                "--expect-ids", ids.toString());
        assertThat(same.exitCode()).isZero();
        assertThat(same.out()).contains("as expected");

        List<String> lines = Files.readAllLines(ids);
        lines.set(2, lines.get(2).replace("[404,", "[404,7,").replace(",0]", "]"));
        Files.write(ids, lines);
        Cli.Result differ = Cli.run("bench", "--model", model, "--workload", workload.toString(), "--per-call",
                "1", "--expect-ids", ids.toString());
        assertThat(differ.exitCode()).isEqualTo(1);
        assertThat(differ.out()).contains("1 sentences differ [2]");
    }

    @Test
    void aWorkloadThatIsNotOneIsAUsageError() throws IOException {
        Path workload = Files.writeString(tmp.resolve("w.jsonl"), "{\"ids\": [1, 0]}\n");
        Cli.Result r = Cli.run("bench", "--model", Fixtures.dir(Fixtures.MARIAN).toString(), "--workload",
                workload.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("depeche: " + workload + ": line 1: needs \"ids\" (a non-empty array) "
                + "and \"max_new_tokens\" (≥ 1)");
    }

    @Test
    void theBuiltInWorkloadsAreTheSharedOnes() {
        Workload seed = Workload.named(Workload.SEED);
        Workload nightly = Workload.named(Workload.NIGHTLY);

        assertThat(seed.sentences()).hasSize(15);
        assertThat(seed.targetTokens()).isEqualTo(620);
        assertThat(nightly.sentences()).hasSize(300);
        assertThat(nightly.targetTokens()).isEqualTo(12_400);
    }

    @Test
    void theSummaryWorkloadIsThreeArticlesOf600IdsAsking60TokensEach() {
        Workload summary = Workload.named(Workload.SUMMARY);

        assertThat(summary.sentences()).hasSize(3).allSatisfy(s -> {
            assertThat(s.ids()).hasSize(600).startsWith(0).endsWith(2);
            assertThat(s.newTokens()).isEqualTo(60);
        });
        assertThat(summary.targetTokens()).isEqualTo(180);
    }

    @Test
    void theSummarizerShapeIsDistilbartCnn66(@TempDir Path dir) throws IOException {
        ModelConfig config = ModelConfig.read(Files.writeString(dir.resolve("config.json"),
                ModelShape.DISTILBART_CNN.config()));

        assertThat(config.architecture()).isEqualTo(Architecture.BART);
        assertThat(List.of(config.dModel(), config.encoderLayers(), config.decoderLayers(), config.vocabSize()))
                .containsExactly(1024, 6, 6, 50264);
        assertThat(ModelShape.named("distilbart-cnn")).isEqualTo(ModelShape.DISTILBART_CNN);
        assertThat(ModelShape.named("opus-mt")).isEqualTo(ModelShape.OPUS_MT);
    }

    @Test
    void anUnknownShapeIsAUsageErrorBeforeAnythingIsWritten() {
        Path folder = tmp.resolve("random");
        Cli.Result r = Cli.run("bench", "--shape", "t5", "--save-model", folder.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("depeche: --shape must be opus-mt or distilbart-cnn, not 't5'");
        assertThat(folder).doesNotExist();
    }
}
