package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.folder.ModelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding the weights of a model folder, sharded ones included, and summarizing them. */
class CheckpointsTest {
    private static final Path MARIAN = TestFiles.resource("fixtures/tiny-marian");

    @TempDir
    Path dir;

    @Test
    void folderWithoutWeights() {
        assertThatThrownBy(() -> Checkpoints.open(dir)).isInstanceOf(ModelException.class)
                .hasMessage(dir + ": no weights: expected model.safetensors or pytorch_model.bin");
    }

    @Test
    void safetensorsIsPreferredToBin() {
        try (Checkpoint checkpoint = Checkpoints.open(MARIAN)) {
            assertThat(checkpoint.file()).isEqualTo(MARIAN.resolve("model.safetensors"));
            assertThat(checkpoint.files()).containsExactly(MARIAN.resolve("model.safetensors"));
        }
    }

    @Test
    void binIsUsedWhenAlone() throws IOException {
        Files.copy(MARIAN.resolve("pytorch_model.bin"), dir.resolve("pytorch_model.bin"));
        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            assertThat(checkpoint).isInstanceOf(PytorchCheckpoint.class);
            assertThat(checkpoint.names()).contains("lm_head.weight");
        }
    }

    @Test
    void shardsArePresentedAsOneCheckpoint() {
        TestFiles.safetensors(dir.resolve("model-00001-of-00002.safetensors"), Map.of("a", new float[] {1, 2}));
        TestFiles.safetensors(dir.resolve("model-00002-of-00002.safetensors"), Map.of("b", new float[] {3, 4, 5}));
        writeIndex("model.safetensors.index.json",
                "{\"metadata\":{\"total_size\":20},\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\","
                        + "\"b\":\"model-00002-of-00002.safetensors\"}}");
        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            assertThat(checkpoint.file()).isEqualTo(dir.resolve("model.safetensors.index.json"));
            assertThat(checkpoint.names()).containsExactly("a", "b");
            assertThat(checkpoint.tensor("a").toFloatArray()).containsExactly(1, 2);
            assertThat(checkpoint.tensor("b").toFloatArray()).containsExactly(3, 4, 5);
            assertThat(checkpoint.parameterCount()).isEqualTo(5);
            assertThat(checkpoint.files()).as("a change to any of them changes the weights").containsExactly(
                    dir.resolve("model.safetensors.index.json"), dir.resolve("model-00001-of-00002.safetensors"),
                    dir.resolve("model-00002-of-00002.safetensors"));
            assertThatThrownBy(() -> checkpoint.tensor("c")).isInstanceOf(ModelException.class)
                    .hasMessage(dir.resolve("model.safetensors.index.json") + ": tensor 'c' is missing");
        }
    }

    @Test
    void binShardsAreReadThroughTheirIndex() throws IOException {
        Files.copy(MARIAN.resolve("pytorch_model.bin"), dir.resolve("pytorch_model-00001-of-00001.bin"));
        writeIndex("pytorch_model.bin.index.json",
                "{\"weight_map\":{\"lm_head.weight\":\"pytorch_model-00001-of-00001.bin\"}}");
        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            assertThat(checkpoint.names()).containsExactly("lm_head.weight");
            assertThat(checkpoint.tensor("lm_head.weight").shape()).containsExactly(405, 32);
        }
    }

    @Test
    void shardOutsideTheFolderIsRefused() {
        Path index = writeIndex("model.safetensors.index.json",
                "{\"weight_map\":{\"a\":\"../elsewhere/model.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoints.open(dir)).isInstanceOf(ModelException.class)
                .hasMessage(index + ": weight_map gives tensor 'a' the shard \"../elsewhere/model.safetensors\", "
                        + "which is not a file name in the model folder");
    }

    @Test
    void shardWithoutItsTensor() {
        TestFiles.safetensors(dir.resolve("shard.safetensors"), Map.of("a", new float[] {1}));
        Path index = writeIndex("model.safetensors.index.json", "{\"weight_map\":{\"b\":\"shard.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoints.open(dir)).isInstanceOf(ModelException.class)
                .hasMessage(index + ": weight_map puts tensor 'b' in shard.safetensors, which does not hold it");
    }

    @Test
    void missingShard() {
        writeIndex("model.safetensors.index.json", "{\"weight_map\":{\"a\":\"gone.safetensors\"}}");
        assertThatThrownBy(() -> Checkpoints.open(dir)).isInstanceOf(ModelException.class)
                .hasMessage(dir.resolve("gone.safetensors") + ": does not exist");
    }

    @Test
    void gitLfsPointerInsteadOfWeights() {
        String pointer = "version https://git-lfs.github.com/spec/v1\noid sha256:0\nsize 1\n";
        Path file = TestFiles.write(dir.resolve("model.safetensors"), pointer.getBytes(StandardCharsets.US_ASCII));
        assertThatThrownBy(() -> Checkpoints.open(dir)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": is a Git LFS pointer, not the weights: fetch them with 'git lfs pull'");
    }

    @Test
    void summaryGivesShapesAndCountsTiedWeightsOnce() throws IOException {
        WeightsSummary safetensors = Checkpoints.summarize(MARIAN);
        Files.copy(MARIAN.resolve("pytorch_model.bin"), dir.resolve("pytorch_model.bin"));
        WeightsSummary bin = Checkpoints.summarize(dir);

        assertThat(safetensors.file()).isEqualTo(MARIAN.resolve("model.safetensors"));
        assertThat(safetensors.tensors()).hasSize(86);
        Map<String, TensorInfo> byName = new LinkedHashMap<>();
        safetensors.tensors().forEach(info -> byName.put(info.name(), info));
        assertThat(byName.get("model.shared.weight").shape()).containsExactly(405, 32);
        long sum = safetensors.tensors().stream().mapToLong(TensorInfo::numel).sum();
        assertThat(safetensors.parameterCount()).isEqualTo(sum);
        assertThat(bin.tensors()).hasSize(86 + 3);
        assertThat(bin.parameterCount()).isEqualTo(sum);
    }

    private Path writeIndex(String name, String json) {
        return TestFiles.write(dir.resolve(name), json.getBytes(StandardCharsets.UTF_8));
    }
}
