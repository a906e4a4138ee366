package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.model.weights.TensorData.DType;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tiny-marian fixture holds the same weights as safetensors and as a torch.save zip. */
class TinyMarianWeightsTest {
    private static final Path FOLDER = TestFiles.resource("fixtures/tiny-marian");
    private static final List<String> ALIASES =
            List.of("model.encoder.embed_tokens.weight", "model.decoder.embed_tokens.weight", "lm_head.weight");

    @Test
    void binHoldsBitIdenticalTensorsForEverySafetensorsName() {
        try (Checkpoint safetensors = SafetensorsCheckpoint.open(FOLDER.resolve("model.safetensors"));
             Checkpoint bin = PytorchCheckpoint.open(FOLDER.resolve("pytorch_model.bin"))) {
            assertThat(safetensors.names()).hasSize(86);
            for (String name : safetensors.names()) {
                TensorData expected = safetensors.tensor(name);
                TensorData actual = bin.tensor(name);
                assertThat(actual.dtype()).as(name).isEqualTo(DType.F32).isEqualTo(expected.dtype());
                assertThat(actual.shape()).as(name).isEqualTo(expected.shape());
                assertThat(actual.data()).as(name).isEqualTo(expected.data());
            }
        }
    }

    @Test
    void binAddsTheTiedAliasesOfSharedWeight() {
        try (Checkpoint safetensors = SafetensorsCheckpoint.open(FOLDER.resolve("model.safetensors"));
             Checkpoint bin = PytorchCheckpoint.open(FOLDER.resolve("pytorch_model.bin"))) {
            Set<String> expected = new HashSet<>(safetensors.names());
            expected.addAll(ALIASES);
            assertThat(bin.names()).containsExactlyInAnyOrderElementsOf(expected);
            TensorData shared = bin.tensor("model.shared.weight");
            assertThat(shared.shape()).containsExactly(405, 32);
            for (String alias : ALIASES) {
                TensorData tensor = bin.tensor(alias);
                assertThat(tensor.shape()).as(alias).isEqualTo(shared.shape());
                assertThat(tensor.data()).as(alias).isEqualTo(shared.data());
                assertThat(tensor.data().array()).as("%s reads the shared storage once", alias)
                        .isSameAs(shared.data().array());
            }
            assertThat(bin.parameterCount()).as("aliases count once").isEqualTo(safetensors.parameterCount());
        }
    }
}
