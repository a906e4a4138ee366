package depeche.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.bench.SafetensorsWriter;
import depeche.bench.SafetensorsWriter.Tensor;
import depeche.model.ModelConfig;
import depeche.model.Seq2SeqModel;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.testing.FixtureTensors;
import depeche.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model that computes NaN fails its generation with one clear line, instead of returning whatever ids a NaN row
 * happens to give. NaN or Inf weights are refused at load (FiniteWeights), so the models here hold one finite
 * weight so large that the computation overflows.
 */
class NaNScoresTest {
    private static final long[] INPUT = {13, 3, 118, 179, 12, 211, 28, 4, 0};
    /** Finite, but any sum of its products with other weights overflows to Inf, and Inf - Inf is NaN. */
    private static final float OVERFLOWS = Float.MAX_VALUE;

    @TempDir
    Path tmp;

    /** The Marian fixture with one value of one tensor replaced. */
    private Seq2SeqModel fixtureWith(String tensor, int index, float value) throws IOException {
        Path dir = Fixtures.dir(Fixtures.MARIAN);
        Map<String, Tensor> tensors = FixtureTensors.of(Fixtures.MARIAN);
        tensors.get(tensor).values()[index] = value;
        SafetensorsWriter.write(tmp.resolve("model.safetensors"), tensors);
        Files.copy(dir.resolve("config.json"), tmp.resolve("config.json"));
        try (Checkpoint weights = Checkpoints.open(tmp)) {
            return Seq2SeqModel.load(ModelConfig.read(tmp.resolve("config.json")), weights);
        }
    }

    private static GenerationConfig settings(Seq2SeqModel model) {
        return GenerationConfig.read(Fixtures.dir(Fixtures.MARIAN), model.config());
    }

    @Test
    void beamSearchStopsOnNaNScoresWithOneLine() throws IOException {
        try (Seq2SeqModel model = fixtureWith("model.decoder.layers.1.fc2.weight", 0, OVERFLOWS)) {
            assertThat(settings(model).numBeams()).isEqualTo(4);
            assertThatThrownBy(() -> new Generator(model).generate(new long[][] {INPUT}, settings(model)))
                    .isInstanceOf(NaNScoresException.class)
                    .hasMessage("the model produced NaN scores at output position 1: its weights hold NaN or "
                            + "infinite values, or its computation overflowed");
        }
    }

    @Test
    void greedySearchStopsToo() throws IOException {
        try (Seq2SeqModel model = fixtureWith("model.shared.weight", 3, OVERFLOWS)) {
            GenerationConfig greedy = settings(model).withNumBeams(1);
            assertThatThrownBy(() -> new Generator(model).generate(new long[][] {INPUT}, greedy))
                    .isInstanceOf(NaNScoresException.class)
                    .hasMessageStartingWith("the model produced NaN scores at output position 1");
        }
    }

    @Test
    void theSameModelWithoutTheNaNGeneratesNormally() throws IOException {
        try (Seq2SeqModel model = fixtureWith("model.decoder.layers.1.fc2.weight", 0, 0.01f)) {
            List<List<Hypothesis>> out = new Generator(model).generate(new long[][] {INPUT}, settings(model));
            assertThat(out.get(0).get(0).ids()).startsWith(404).endsWith(0);
        }
    }
}
