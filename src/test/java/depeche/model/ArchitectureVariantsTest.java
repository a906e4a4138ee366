package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import depeche.bench.RandomWeights;
import depeche.bench.SafetensorsWriter;
import depeche.generate.GenerationConfig;
import depeche.generate.Generator;
import depeche.generate.Hypothesis;
import depeche.testing.Networks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sizes, activations, head counts and tied/untied or shared/separate embeddings other than the fixtures': the
 * same code loads them from config.json and random weights, and keeps its invariants (cached decoding equals
 * recomputation, batching and padding change nothing).
 */
class ArchitectureVariantsTest {
    private static final String BART_UNTIED = """
            {"model_type": "bart", "vocab_size": 97, "d_model": 48, "encoder_layers": 3, "decoder_layers": 1,
             "encoder_attention_heads": 6, "decoder_attention_heads": 4, "encoder_ffn_dim": 80,
             "decoder_ffn_dim": 40, "activation_function": "gelu_new", "max_position_embeddings": 64,
             "scale_embedding": true, "tie_word_embeddings": false, "pad_token_id": 1, "eos_token_id": 2,
             "bos_token_id": 0, "decoder_start_token_id": 2, "forced_eos_token_id": 2}""";
    private static final String MARIAN_SEPARATE_VOCABS = """
            {"model_type": "marian", "vocab_size": 91, "decoder_vocab_size": 83,
             "share_encoder_decoder_embeddings": false, "tie_word_embeddings": false, "d_model": 40,
             "encoder_layers": 1, "decoder_layers": 3, "encoder_attention_heads": 5, "decoder_attention_heads": 2,
             "encoder_ffn_dim": 24, "decoder_ffn_dim": 56, "activation_function": "relu",
             "max_position_embeddings": 64, "scale_embedding": false, "pad_token_id": 82, "eos_token_id": 0,
             "decoder_start_token_id": 82, "forced_eos_token_id": 0}""";
    private static final String MARIAN_SMALL_SILU = """
            {"model_type": "marian", "vocab_size": 50, "d_model": 16, "encoder_layers": 1, "decoder_layers": 1,
             "encoder_attention_heads": 2, "decoder_attention_heads": 2, "encoder_ffn_dim": 8,
             "decoder_ffn_dim": 8, "activation_function": "silu", "max_position_embeddings": 32,
             "scale_embedding": true, "pad_token_id": 49, "eos_token_id": 0, "decoder_start_token_id": 49}""";

    @TempDir
    Path tmp;

    private Seq2SeqModel load(String configJson) throws IOException {
        Files.writeString(tmp.resolve("config.json"), configJson);
        ModelConfig config = ModelConfig.read(tmp.resolve("config.json"));
        SafetensorsWriter.write(tmp.resolve("model.safetensors"), RandomWeights.forConfig(config, 7));
        return Networks.load(tmp);
    }

    private static long[][] inputs(ModelConfig c, int count) {
        SplittableRandom random = new SplittableRandom(11);
        long[][] inputs = new long[count][];
        for (int i = 0; i < count; i++) {
            inputs[i] = new long[3 + random.nextInt(12)];
            for (int t = 0; t < inputs[i].length - 1; t++) {
                inputs[i][t] = 3 + random.nextInt(c.vocabSize() - 3);
            }
            inputs[i][inputs[i].length - 1] = c.eosTokenId();
        }
        return inputs;
    }

    @ParameterizedTest
    @ValueSource(strings = {BART_UNTIED, MARIAN_SEPARATE_VOCABS, MARIAN_SMALL_SILU})
    void cachedDecodingEqualsRecomputingEveryPosition(String configJson) throws IOException {
        try (Seq2SeqModel model = load(configJson); NDManager m = NDManager.newBaseManager()) {
            long[] input = inputs(model.config(), 1)[0];
            long[] tokens = {model.config().decoderStartTokenId(), 5, 9, 4, 7, 5, 9};
            EncoderOutput encoded = model.encode(m, new long[][] {input});
            float[] full;
            try (DecoderState state = model.startDecoding(m, encoded, 1)) {
                full = model.decode(state, new long[][] {tokens}).toFloatArray();
            }
            int vocab = model.config().decoderVocabSize();
            try (DecoderState state = model.startDecoding(m, encoded, 1)) {
                for (int t = 0; t < tokens.length; t++) {
                    float[] step = model.nextTokenLogits(state, new long[] {tokens[t]}).toFloatArray();
                    assertThat(step).hasSize(vocab);
                    for (int v = 0; v < vocab; v++) {
                        assertThat(step[v]).as("position %d token %d", t, v)
                                .isCloseTo(full[t * vocab + v], within(1e-4f));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BART_UNTIED, MARIAN_SEPARATE_VOCABS, MARIAN_SMALL_SILU})
    void encoderOutputIgnoresPadding(String configJson) throws IOException {
        try (Seq2SeqModel model = load(configJson); NDManager m = NDManager.newBaseManager()) {
            long[][] inputs = inputs(model.config(), 4);
            NDArray batched = model.encode(m, inputs).hidden();
            for (int i = 0; i < inputs.length; i++) {
                NDArray alone = model.encode(m, new long[][] {inputs[i]}).hidden();
                NDArray row = batched.get(new NDIndex("{}, 0:{}", i, inputs[i].length)).expandDims(0);
                assertThat(row.sub(alone).abs().max().getFloat()).as("input %d", i).isLessThan(1e-5f);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {BART_UNTIED, MARIAN_SEPARATE_VOCABS, MARIAN_SMALL_SILU})
    void aBatchGivesTheIdsEachInputGivesAlone(String configJson) throws IOException {
        try (Seq2SeqModel model = load(configJson)) {
            // A generation_config.json is all generate() reads (as in HF): it names its own token ids.
            ModelConfig c = model.config();
            Files.writeString(tmp.resolve("generation_config.json"), String.format(
                    "{\"num_beams\": 3, \"max_length\": 12, \"no_repeat_ngram_size\": 2,"
                            + " \"decoder_start_token_id\": %d, \"eos_token_id\": %d, \"pad_token_id\": %d}",
                    c.decoderStartTokenId(), c.eosTokenId(), c.padTokenId()));
            GenerationConfig beam = GenerationConfig.read(tmp, model.config());
            long[][] inputs = inputs(model.config(), 5);
            Generator generator = new Generator(model);
            for (GenerationConfig settings : List.of(beam, beam.withNumBeams(1))) {
                List<List<Hypothesis>> batched = generator.generate(inputs, settings);
                for (int i = 0; i < inputs.length; i++) {
                    Hypothesis alone = generator.generate(new long[][] {inputs[i]}, settings).get(0).get(0);
                    assertThat(batched.get(i).get(0).ids()).containsExactly(alone.ids());
                    assertThat(alone.ids()[0]).isEqualTo(model.config().decoderStartTokenId());
                    assertThat(alone.ids().length).isBetween(2, 12);
                }
            }
        }
    }
}
