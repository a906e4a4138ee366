package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.model.weights.TensorData.DType;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The tiny-bart safetensors holds exactly the tensors its config.json implies. */
class TinyBartWeightsTest {
    private static final Path FOLDER = TestFiles.resource("fixtures/tiny-bart");

    @Test
    void namesAndShapesFollowTheConfig() throws IOException {
        JsonNode config = new ObjectMapper().readTree(FOLDER.resolve("config.json").toFile());
        Map<String, List<Long>> expected = expectedShapes(config);
        try (Checkpoint checkpoint = SafetensorsCheckpoint.open(FOLDER.resolve("model.safetensors"))) {
            Map<String, List<Long>> actual = new TreeMap<>();
            for (String name : checkpoint.names()) {
                actual.put(name, Arrays.stream(checkpoint.info(name).shape()).boxed().toList());
            }
            assertThat(actual).isEqualTo(expected);
            assertThat(checkpoint.info("model.encoder.embed_positions.weight").shape()).containsExactly(130, 32);
        }
    }

    @Test
    void tensorsAreLittleEndianF32OfTheirShape() {
        try (Checkpoint checkpoint = SafetensorsCheckpoint.open(FOLDER.resolve("model.safetensors"))) {
            TensorData positions = checkpoint.tensor("model.decoder.embed_positions.weight");
            assertThat(positions.dtype()).isEqualTo(DType.F32);
            assertThat(positions.data().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(positions.data().position()).isZero();
            assertThat(positions.data().remaining()).isEqualTo(130 * 32 * 4);
            // LayerNorm weights were drawn as 1 + N(0, 0.1²): a wrong byte order or offset would not be near 1.
            for (float w : checkpoint.tensor("model.encoder.layernorm_embedding.weight").toFloatArray()) {
                assertThat(w).isBetween(0.5f, 1.5f);
            }
        }
    }

    private static Map<String, List<Long>> expectedShapes(JsonNode config) {
        long d = config.get("d_model").asLong();
        long vocab = config.get("vocab_size").asLong();
        long positions = config.get("max_position_embeddings").asLong() + 2; // BART's learned-position offset
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        shapes.put("final_logits_bias", List.of(1L, vocab));
        shapes.put("model.shared.weight", List.of(vocab, d));
        for (String stack : List.of("encoder", "decoder")) {
            String prefix = "model." + stack + ".";
            shapes.put(prefix + "embed_positions.weight", List.of(positions, d));
            layerNorm(shapes, prefix + "layernorm_embedding", d);
            long ffn = config.get(stack + "_ffn_dim").asLong();
            for (int layer = 0; layer < config.get(stack + "_layers").asInt(); layer++) {
                String layerPrefix = prefix + "layers." + layer + ".";
                attention(shapes, layerPrefix + "self_attn", d);
                if (stack.equals("decoder")) {
                    attention(shapes, layerPrefix + "encoder_attn", d);
                }
                linear(shapes, layerPrefix + "fc1", ffn, d);
                linear(shapes, layerPrefix + "fc2", d, ffn);
                layerNorm(shapes, layerPrefix + "final_layer_norm", d);
            }
        }
        return new TreeMap<>(shapes);
    }

    private static void attention(Map<String, List<Long>> shapes, String prefix, long d) {
        for (String projection : List.of("q_proj", "k_proj", "v_proj", "out_proj")) {
            linear(shapes, prefix + "." + projection, d, d);
        }
        layerNorm(shapes, prefix + "_layer_norm", d);
    }

    private static void linear(Map<String, List<Long>> shapes, String prefix, long out, long in) {
        shapes.put(prefix + ".weight", List.of(out, in));
        shapes.put(prefix + ".bias", List.of(out));
    }

    private static void layerNorm(Map<String, List<Long>> shapes, String prefix, long d) {
        shapes.put(prefix + ".weight", List.of(d));
        shapes.put(prefix + ".bias", List.of(d));
    }
}
