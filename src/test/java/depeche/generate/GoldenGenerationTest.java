package depeche.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import com.fasterxml.jackson.databind.JsonNode;
import depeche.model.DecoderState;
import depeche.model.EncoderOutput;
import depeche.model.Seq2SeqModel;
import depeche.testing.Fixtures;
import depeche.testing.Networks;
import depeche.testing.GenerationOverrides;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every model and generation value of the fixtures' golden.json, reproduced from the safetensors weights. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GoldenGenerationTest {
    private static final double LOGITS = 1e-4;
    private static final double SUMS = 1e-2;

    private final Map<String, Seq2SeqModel> models = new HashMap<>();

    Seq2SeqModel model(String fixture) {
        return models.computeIfAbsent(fixture, f -> {
            return Networks.load(Fixtures.dir(f), "model.safetensors");
        });
    }

    GenerationConfig generationConfig(String fixture) {
        Seq2SeqModel m = model(fixture);
        return GenerationConfig.read(Fixtures.dir(fixture), m.config());
    }

    @AfterAll
    void closeModels() {
        models.values().forEach(Seq2SeqModel::close);
    }

    static Stream<Arguments> cases() {
        return Stream.of(Fixtures.MARIAN, Fixtures.BART).flatMap(f -> Fixtures.list(Fixtures.golden(f).get("cases"))
                .stream().map(c -> Arguments.of(f, c.get("name").asText(), c)));
    }

    static Stream<Arguments> variants() {
        return Stream.of(Fixtures.MARIAN, Fixtures.BART).flatMap(f -> Fixtures.list(Fixtures.golden(f).get("variants"))
                .stream().map(v -> Arguments.of(f, v.get("name").asText(), v)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void encoderOutputMatches(String fixture, String name, JsonNode c) {
        try (NDManager m = NDManager.newBaseManager();
             EncoderOutput out = model(fixture).encode(m, new long[][] {Fixtures.ids(c.get("input_ids"))})) {
            NDArray h = out.hidden();
            int last = (int) h.getShape().get(1) - 1;
            assertClose(h.get(new NDIndex("0, 0, 0:5")).toFloatArray(), c.get("encoder_out_pos0_first5"), LOGITS);
            assertClose(h.get(new NDIndex("0, {}, 0:5", last)).toFloatArray(), c.get("encoder_out_last_pos_first5"), LOGITS);
            assertThat(h.sum().getFloat()).isCloseTo((float) c.get("encoder_out_sum").asDouble(), within((float) SUMS));
            assertThat(h.abs().sum().getFloat()).isCloseTo((float) c.get("encoder_out_abs_sum").asDouble(), within((float) SUMS));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void firstStepAndTeacherForcedLogitsMatch(String fixture, String name, JsonNode c) {
        Seq2SeqModel model = model(fixture);
        long start = model.config().decoderStartTokenId();
        try (NDManager m = NDManager.newBaseManager();
             EncoderOutput out = model.encode(m, new long[][] {Fixtures.ids(c.get("input_ids"))})) {
            try (DecoderState state = model.startDecoding(m, out, 1)) {
                NDArray logits = model.nextTokenLogits(state, new long[] {start});
                assertClose(logits.get(new NDIndex("0, 0:8")).toFloatArray(), c.get("first_step_logits_first8"), LOGITS);
                assertThat(logits.argMax(1).getLong()).isEqualTo(c.get("first_step_argmax").asLong());
                assertThat(logits.max().getFloat()).isCloseTo((float) c.get("first_step_max_logit").asDouble(), within((float) LOGITS));
                assertThat(logits.sum().getFloat()).isCloseTo((float) c.get("first_step_logits_sum").asDouble(), within((float) SUMS));
            }
            try (DecoderState state = model.startDecoding(m, out, 1)) {
                long[] greedy = Fixtures.ids(c.get("greedy_ids"));
                NDArray logits = model.decode(state, new long[][] {greedy});
                assertClose(logits.get(new NDIndex("0, {}, 0:8", greedy.length - 1)).toFloatArray(),
                        c.get("teacher_forced_last_logits_first8"), LOGITS);
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void greedyBeamAndPlainIdsMatch(String fixture, String name, JsonNode c) {
        Generator generator = new Generator(model(fixture));
        long[][] input = {Fixtures.ids(c.get("input_ids"))};
        GenerationConfig beam = generationConfig(fixture);

        assertThat(generator.generate(input, beam.withNumBeams(1)).get(0).get(0).ids())
                .containsExactly(Fixtures.ids(c.get("greedy_ids")));
        Hypothesis best = generator.generate(input, beam).get(0).get(0);
        assertThat(best.ids()).containsExactly(Fixtures.ids(c.get("beam_ids")));
        assertThat(best.score()).isCloseTo(c.get("beam_sequence_score").asDouble(), within(1e-4));
        GenerationConfig plain = GenerationOverrides.apply(beam,
                Fixtures.golden(fixture).get("generation_config_effective").get("greedy_plain"));
        assertThat(generator.generate(input, plain).get(0).get(0).ids())
                .containsExactly(Fixtures.ids(c.get("greedy_plain_ids")));
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MARIAN, Fixtures.BART})
    void batchedGenerationEqualsGolden(String fixture) {
        JsonNode batch = Fixtures.golden(fixture).get("batch");
        Seq2SeqModel model = model(fixture);
        long pad = model.config().padTokenId();
        long[][] inputs = Fixtures.list(batch.get("input_ids")).stream()
                .map(r -> Fixtures.stripTrailing(Fixtures.ids(r), pad)).toArray(long[][]::new);
        Generator generator = new Generator(model);
        GenerationConfig beam = generationConfig(fixture);
        GenerationConfig plain = GenerationOverrides.apply(beam,
                Fixtures.golden(fixture).get("generation_config_effective").get("greedy_plain"));
        assertRows(generator.generate(inputs, beam.withNumBeams(1)), batch.get("greedy_ids"), pad);
        assertRows(generator.generate(inputs, plain), batch.get("greedy_plain_ids"), pad);
        List<List<Hypothesis>> beams = generator.generate(inputs, beam);
        assertRows(beams, batch.get("beam_ids"), pad);
        for (int i = 0; i < inputs.length; i++) {
            assertThat(beams.get(i).get(0).score())
                    .isCloseTo(batch.get("beam_sequence_scores").get(i).asDouble(), within(1e-4));
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("variants")
    void variantsMatch(String fixture, String name, JsonNode v) {
        JsonNode golden = Fixtures.golden(fixture);
        JsonNode input = Fixtures.list(golden.get("cases")).stream()
                .filter(c -> c.get("name").asText().equals(v.get("input").asText())).findFirst().orElseThrow();
        Seq2SeqModel model = model(fixture);
        GenerationConfig config = GenerationOverrides.apply(generationConfig(fixture), v.get("overrides"));
        List<Hypothesis> out = new Generator(model)
                .generate(new long[][] {Fixtures.ids(input.get("input_ids"))}, config).get(0);
        assertThat(out).hasSize(v.get("ids").size());
        for (int i = 0; i < out.size(); i++) {
            long[] expected = Fixtures.stripTrailing(Fixtures.ids(v.get("ids").get(i)), model.config().padTokenId());
            assertThat(out.get(i).ids()).as("sequence %d", i).containsExactly(expected);
            if (v.hasNonNull("sequence_scores")) {
                assertThat(out.get(i).score()).isCloseTo(v.get("sequence_scores").get(i).asDouble(), within(1e-4));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MARIAN, Fixtures.BART})
    void generationConfigIsReadAsHfReadsIt(String fixture) {
        JsonNode e = Fixtures.golden(fixture).get("generation_config_effective").get("beam");
        GenerationConfig c = generationConfig(fixture);
        assertThat(c.maxLength()).isEqualTo(e.get("max_length").asInt());
        assertThat(c.maxNewTokens()).isNull();
        assertThat(c.minLength()).isEqualTo(e.get("min_length").asInt());
        assertThat(c.numBeams()).isEqualTo(e.get("num_beams").asInt());
        assertThat(c.numReturnSequences()).isEqualTo(e.get("num_return_sequences").asInt());
        assertThat(c.lengthPenalty()).isEqualTo(e.get("length_penalty").asDouble());
        assertThat(c.earlyStopping().name()).isEqualTo(e.get("early_stopping").asText().toUpperCase());
        assertThat(c.noRepeatNgramSize()).isEqualTo(e.get("no_repeat_ngram_size").asInt());
        assertThat(c.renormalizeLogits()).isEqualTo(e.get("renormalize_logits").asBoolean());
        assertThat(c.decoderStartTokenId()).isEqualTo(e.get("decoder_start_token_id").asLong());
        assertThat(c.padTokenId()).isEqualTo(e.get("pad_token_id").asLong());
        assertThat(c.eosTokenIds()).containsExactly(e.get("eos_token_id").asLong());
        assertThat(c.forcedEosTokenIds()).containsExactly(e.get("forced_eos_token_id").asLong());
        assertThat(c.forcedBosTokenId()).isNull();
        assertThat(c.badWordsIds()).hasSize(e.get("bad_words_ids").size());
        for (int i = 0; i < c.badWordsIds().size(); i++) {
            assertThat(c.badWordsIds().get(i)).containsExactly(Fixtures.ids(e.get("bad_words_ids").get(i)));
        }
    }

    private static void assertRows(List<List<Hypothesis>> actual, JsonNode expectedRows, long pad) {
        assertThat(actual).hasSize(expectedRows.size());
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i).get(0).ids()).as("row %d", i)
                    .containsExactly(Fixtures.stripTrailing(Fixtures.ids(expectedRows.get(i)), pad));
        }
    }

    private static void assertClose(float[] actual, JsonNode expected, double tolerance) {
        float[] e = Fixtures.floats(expected);
        assertThat(actual).hasSize(e.length);
        for (int i = 0; i < e.length; i++) {
            assertThat(actual[i]).as("element %d", i).isCloseTo(e[i], within((float) tolerance));
        }
    }
}
