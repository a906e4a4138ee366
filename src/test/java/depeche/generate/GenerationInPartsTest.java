package depeche.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.model.Seq2SeqModel;
import depeche.testing.Fixtures;
import depeche.testing.Networks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A call split into parts generated at the same time on threads of their own (what a busy machine gets, see
 * {@code TorchRuntime.independentParts}) gives every input the ids it gets in one call, in the inputs' order.
 */
class GenerationInPartsTest {

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MARIAN, Fixtures.BART})
    void partsGiveTheIdsOfOneCallInOrder(String fixture) {
        try (Seq2SeqModel model = Networks.load(Fixtures.dir(fixture))) {
            List<long[]> inputs = new ArrayList<>();
            for (JsonNode c : Fixtures.golden(fixture).get("cases")) {
                inputs.add(Fixtures.ids(c.get("input_ids")));
            }
            long[][] batch = inputs.toArray(long[][]::new);
            GenerationConfig beam = GenerationConfig.read(Fixtures.dir(fixture), model.config());
            Generator generator = new Generator(model);
            for (GenerationConfig config : List.of(beam, beam.withNumBeams(1))) {
                List<List<Long>> whole = ids(generator.generate(batch, config));
                for (int parts = 2; parts <= 3; parts++) {
                    assertThat(ids(generator.inParts(batch, config, parts))).as("%d parts", parts)
                            .isEqualTo(whole);
                }
            }
            int golden = 0;
            for (JsonNode c : Fixtures.golden(fixture).get("cases")) {
                assertThat(generator.inParts(batch, beam, 2).get(golden++).get(0).ids())
                        .containsExactly(Fixtures.ids(c.get("beam_ids")));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MARIAN})
    void aPartsFailureIsTheCallersFailure(String fixture) {
        try (Seq2SeqModel model = Networks.load(Fixtures.dir(fixture))) {
            long[][] inputs = {{5, 6, 0}, {7, 8, 0}, {9, 10, 0}, {99_999_999L, 0}};
            GenerationConfig config = GenerationConfig.read(Fixtures.dir(fixture), model.config());
            assertThatThrownBy(() -> new Generator(model).inParts(inputs, config, 2))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    private static List<List<Long>> ids(List<List<Hypothesis>> results) {
        List<List<Long>> ids = new ArrayList<>();
        for (List<Hypothesis> hypotheses : results) {
            for (Hypothesis h : hypotheses) {
                List<Long> one = new ArrayList<>();
                for (long id : h.ids()) {
                    one.add(id);
                }
                ids.add(one);
            }
        }
        return ids;
    }
}
