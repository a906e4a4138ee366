package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import depeche.bench.SafetensorsWriter.Tensor;
import depeche.bench.SafetensorsWriter;
import depeche.generate.GenerationConfig;
import depeche.generate.Generator;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.testing.FixtureTensors;
import depeche.testing.Fixtures;
import depeche.testing.Networks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checkpoint and config switches HF honours, proven on the Marian fixture by changing one thing and
 * predicting the change in the first-step logits exactly.
 */
class CheckpointSwitchesTest {
    private final JsonNode firstCase = Fixtures.golden(Fixtures.MARIAN).get("cases").get(0);

    @TempDir
    Path tmp;

    /** The fixture's tensors, changed by {@code edit}, in a folder of their own with {@code config}. */
    private Seq2SeqModel variant(Consumer<Map<String, Tensor>> edit, String configFrom, String configTo)
            throws IOException {
        Path dir = Fixtures.dir(Fixtures.MARIAN);
        Map<String, Tensor> tensors = FixtureTensors.of(Fixtures.MARIAN);
        edit.accept(tensors);
        SafetensorsWriter.write(tmp.resolve("model.safetensors"), tensors);
        String config = Files.readString(dir.resolve("config.json"));
        assertThat(config).as("the config edit must change something").contains(configFrom);
        Files.writeString(tmp.resolve("config.json"), config.replace(configFrom, configTo));
        return Networks.load(tmp);
    }

    private float[] firstStepLogits(Seq2SeqModel model) {
        return firstStepLogits(model, Fixtures.ids(firstCase.get("input_ids")));
    }

    private float[] firstStepLogits(Seq2SeqModel model, long[] inputIds) {
        try (NDManager m = NDManager.newBaseManager()) {
            var encoded = model.encode(m, new long[][] {inputIds});
            try (DecoderState state = model.startDecoding(m, encoded, 1)) {
                return model.nextTokenLogits(state, new long[] {model.config().decoderStartTokenId()}).toFloatArray();
            }
        }
    }

    private float[] bias() throws IOException {
        try (Checkpoint original = Checkpoints.open(Fixtures.dir(Fixtures.MARIAN))) {
            return original.tensor("final_logits_bias").toFloatArray();
        }
    }

    @Test
    void aMissingFinalLogitsBiasMeansZeros() throws IOException {
        float[] bias = bias();
        float[] golden = Fixtures.floats(firstCase.get("first_step_logits_first8"));
        try (Seq2SeqModel model = variant(t -> t.remove("final_logits_bias"), "", "")) {
            float[] logits = firstStepLogits(model);
            for (int i = 0; i < golden.length; i++) {
                assertThat(logits[i]).isCloseTo(golden[i] - bias[i], within(1e-4f));
            }
        }
    }

    @Test
    void anUntiedHeadUsesLmHeadWeight() throws IOException {
        float[] bias = bias();
        float[] golden = Fixtures.floats(firstCase.get("first_step_logits_first8"));
        try (Seq2SeqModel model = variant(t -> {
            Tensor shared = t.get("model.shared.weight");
            float[] doubled = shared.values().clone();
            for (int i = 0; i < doubled.length; i++) {
                doubled[i] *= 2;
            }
            t.put("lm_head.weight", new Tensor(shared.shape(), doubled));
        }, "\"tie_word_embeddings\": true", "\"tie_word_embeddings\": false")) {
            float[] logits = firstStepLogits(model);
            for (int i = 0; i < golden.length; i++) {
                assertThat(logits[i] - bias[i]).isCloseTo(2 * (golden[i] - bias[i]), within(2e-4f));
            }
        }
    }

    @Test
    void aTiedHeadIgnoresLmHeadWeight() throws IOException {
        try (Seq2SeqModel model = variant(t -> t.put("lm_head.weight",
                new Tensor(t.get("model.shared.weight").shape(), new float[t.get("model.shared.weight").values().length])),
                "", "")) {
            GenerationConfig beam = GenerationConfig.read(Fixtures.dir(Fixtures.MARIAN), model.config());
            assertThat(new Generator(model).generate(new long[][] {Fixtures.ids(firstCase.get("input_ids"))}, beam)
                    .get(0).get(0).ids()).containsExactly(Fixtures.ids(firstCase.get("beam_ids")));
        }
    }

    /**
     * With {@code share_encoder_decoder_embeddings: false} the encoder reads its own table and the decoder (and the
     * tied LM head) its own, and {@code model.shared} is not used. The encoder's table is the fixture's with its
     * rows in reverse order and the input ids reversed to match, which gives the encoder exactly the vectors it
     * had: the golden logits come out only if the encoder reads its table, the decoder reads the original one,
     * and the zeroed {@code model.shared} is ignored.
     */
    @Test
    void separateEncoderAndDecoderEmbeddingsAreReadWhenNotShared() throws IOException {
        float[] golden = Fixtures.floats(firstCase.get("first_step_logits_first8"));
        int[] vocab = new int[1];
        try (Seq2SeqModel model = variant(t -> {
            Tensor shared = t.get("model.shared.weight");
            int rows = (int) shared.shape()[0];
            int width = (int) shared.shape()[1];
            vocab[0] = rows;
            float[] reversed = new float[shared.values().length];
            for (int row = 0; row < rows; row++) {
                System.arraycopy(shared.values(), row * width, reversed, (rows - 1 - row) * width, width);
            }
            t.put("model.encoder.embed_tokens.weight", new Tensor(shared.shape(), reversed));
            t.put("model.decoder.embed_tokens.weight", shared);
            t.put("model.shared.weight", new Tensor(shared.shape(), new float[shared.values().length]));
        }, "\"share_encoder_decoder_embeddings\": true", "\"share_encoder_decoder_embeddings\": false")) {
            long[] reversedIds = java.util.Arrays.stream(Fixtures.ids(firstCase.get("input_ids")))
                    .map(id -> vocab[0] - 1 - id).toArray();
            float[] logits = firstStepLogits(model, reversedIds);
            for (int i = 0; i < golden.length; i++) {
                assertThat(logits[i]).isCloseTo(golden[i], within(1e-4f));
            }
        }
    }
}
