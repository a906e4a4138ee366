package depeche.generate;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import depeche.model.Seq2SeqModel;
import depeche.testing.Fixtures;
import depeche.testing.Networks;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Generation frees everything it makes: however many batches run, the engine holds the same arrays afterwards.
 * (The benchmark's soak mode shows the same at full size, with resident memory.)
 */
class GenerationMemoryTest {

    @Test
    void manyBatchesLeaveNoArrayBehind() {
        Path dir = Fixtures.dir(Fixtures.MARIAN);
        try (Seq2SeqModel model = Networks.load(dir, "model.safetensors")) {
            JsonNode batch = Fixtures.golden(Fixtures.MARIAN).get("batch");
            long[][] inputs = Fixtures.list(batch.get("input_ids")).stream()
                    .map(r -> Fixtures.stripTrailing(Fixtures.ids(r), model.config().padTokenId()))
                    .toArray(long[][]::new);
            GenerationConfig beam = GenerationConfig.read(dir, model.config());
            Generator generator = new Generator(model);
            int before = liveArrays();
            for (int i = 0; i < 20; i++) {
                generator.generate(inputs, beam);
                generator.generate(inputs, beam.withNumBeams(1));
                generator.generate(new long[][] {inputs[i % inputs.length]}, beam);
                assertThat(liveArrays()).as("after batch %d", i).isEqualTo(before);
            }
        }
    }

    private static int liveArrays() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return probe.getParentManager().getManagedArrays().size();
        }
    }
}
