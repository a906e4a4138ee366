package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import depeche.bench.SafetensorsWriter;
import depeche.bench.SafetensorsWriter.Tensor;
import depeche.generate.GenerationConfig;
import depeche.generate.Generator;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.model.weights.PreparedWeights;
import depeche.model.weights.PreparedWeightsCache;
import depeche.testing.FixtureTensors;
import depeche.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network loaded through the prepared-weights cache: the same arrays to the last bit, whether the cache is
 * off, being written or read, and never a cache whose source changed.
 */
class PreparedWeightsModelTest {
    /**
     * The fixtures' derived arrays: the tied table, 6 Linears per encoder layer and 10 per decoder layer, 2 layers
     * each, and for Marian the encoder's and the decoder's sinusoid tables (BART learns its positions).
     */
    private static final int DERIVED_ARRAYS = 1 + 2 * 6 + 2 * 10 + 2;
    private static final int BART_DERIVED_ARRAYS = DERIVED_ARRAYS - 2;

    @TempDir
    Path tmp;

    /** A network and the cache it was loaded with. */
    private record Loaded(Seq2SeqModel model, PreparedWeights prepared) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    private static Loaded load(Path dir, PreparedWeightsCache cache) {
        try (Checkpoint weights = Checkpoints.open(dir)) {
            PreparedWeights prepared = cache.open(weights);
            return new Loaded(Seq2SeqModel.load(ModelConfig.read(dir.resolve("config.json")), weights, prepared),
                    prepared);
        }
    }

    private PreparedWeightsCache cache() {
        return PreparedWeightsCache.in(tmp.resolve("cache"), 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {Fixtures.MARIAN, Fixtures.BART})
    void goldenIdsAndLogitsAreTheSameWithoutAFreshOrAWarmCache(String fixture) {
        Path dir = Fixtures.dir(fixture);
        int derived = fixture.equals(Fixtures.BART) ? BART_DERIVED_ARRAYS : DERIVED_ARRAYS;
        List<float[]> reference;
        try (Loaded off = load(dir, PreparedWeightsCache.off())) {
            reference = checkGoldenIds(fixture, off.model());
            assertThat(off.prepared().file()).isEmpty();
        }
        try (Loaded fresh = load(dir, cache())) {
            assertThat(fresh.prepared().hits()).isZero();
            assertThat(fresh.prepared().misses()).isEqualTo(derived);
            assertThat(fresh.prepared().wrote()).isTrue();
            assertThat(fresh.prepared().file()).hasValueSatisfying(file -> assertThat(file).isRegularFile());
            assertSameLogits(checkGoldenIds(fixture, fresh.model()), reference);
        }
        try (Loaded warm = load(dir, cache())) {
            assertThat(warm.prepared().hits()).isEqualTo(derived);
            assertThat(warm.prepared().misses()).isZero();
            assertThat(warm.prepared().wrote()).isFalse();
            assertSameLogits(checkGoldenIds(fixture, warm.model()), reference);
        }
    }

    /** Checks greedy and beam ids of every golden case; gives each case's first-step logits. */
    private static List<float[]> checkGoldenIds(String fixture, Seq2SeqModel model) {
        JsonNode golden = Fixtures.golden(fixture);
        GenerationConfig beam = GenerationConfig.read(Fixtures.dir(fixture), model.config());
        Generator generator = new Generator(model);
        List<float[]> logits = new ArrayList<>();
        for (JsonNode c : golden.get("cases")) {
            long[][] input = {Fixtures.ids(c.get("input_ids"))};
            assertThat(generator.generate(input, beam.withNumBeams(1)).get(0).get(0).ids())
                    .containsExactly(Fixtures.ids(c.get("greedy_ids")));
            assertThat(generator.generate(input, beam).get(0).get(0).ids())
                    .containsExactly(Fixtures.ids(c.get("beam_ids")));
            logits.add(firstStepLogits(model, input));
        }
        return logits;
    }

    private static float[] firstStepLogits(Seq2SeqModel model, long[][] input) {
        try (NDManager m = NDManager.newBaseManager()) {
            EncoderOutput encoded = model.encode(m, input);
            try (DecoderState state = model.startDecoding(m, encoded, 1)) {
                return model.nextTokenLogits(state, new long[] {model.config().decoderStartTokenId()}).toFloatArray();
            }
        }
    }

    private static void assertSameLogits(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < actual.size(); i++) {
            assertThat(actual.get(i)).as("case %d, bit for bit", i).containsExactly(expected.get(i));
        }
    }

    @Test
    void aChangedCheckpointRebuildsItsCacheEvenWithItsOldModificationTime() throws IOException {
        Path dir = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("tiny-marian"), "pytorch_model.bin");
        long[][] input = {Fixtures.ids(Fixtures.golden(Fixtures.MARIAN).get("cases").get(0).get("input_ids"))};
        float[] before;
        try (Loaded first = load(dir, cache())) {
            assertThat(first.prepared().wrote()).isTrue();
            before = firstStepLogits(first.model(), input);
        }
        Path weights = dir.resolve("model.safetensors");
        FileTime modified = Files.getLastModifiedTime(weights);
        Map<String, Tensor> tensors = FixtureTensors.of(Fixtures.MARIAN);
        Tensor shared = tensors.get("model.shared.weight");
        float[] doubled = shared.values().clone();
        for (int i = 0; i < doubled.length; i++) {
            doubled[i] *= 2;
        }
        tensors.put("model.shared.weight", new Tensor(shared.shape(), doubled));
        tensors.put("unused", new Tensor(new long[] {1}, new float[] {0})); // another size
        SafetensorsWriter.write(weights, tensors);
        Files.setLastModifiedTime(weights, modified);

        float[] expected;
        try (Loaded off = load(dir, PreparedWeightsCache.off())) {
            expected = firstStepLogits(off.model(), input);
        }
        assertThat(expected).as("the edit must change the logits").isNotEqualTo(before);
        try (Loaded changed = load(dir, cache())) {
            assertThat(changed.prepared().hits()).isZero();
            assertThat(changed.prepared().wrote()).isTrue();
            assertThat(firstStepLogits(changed.model(), input)).containsExactly(expected);
        }
        try (Loaded again = load(dir, cache())) {
            assertThat(again.prepared().hits()).isEqualTo(DERIVED_ARRAYS);
            assertThat(firstStepLogits(again.model(), input)).containsExactly(expected);
        }
    }

    @Test
    void aGarbageCacheFileIsRebuiltWithoutError() throws IOException {
        Path dir = Fixtures.dir(Fixtures.MARIAN);
        Path file;
        try (Loaded first = load(dir, cache())) {
            file = first.prepared().file().orElseThrow();
        }
        Files.write(file, "garbage".getBytes(StandardCharsets.US_ASCII));
        try (Loaded rebuilt = load(dir, cache())) {
            assertThat(rebuilt.prepared().hits()).isZero();
            assertThat(rebuilt.prepared().wrote()).isTrue();
            checkGoldenIds(Fixtures.MARIAN, rebuilt.model());
        }
        try (Loaded warm = load(dir, cache())) {
            assertThat(warm.prepared().hits()).isEqualTo(DERIVED_ARRAYS);
        }
    }

    @Test
    void aCacheFolderThatCannotBeWrittenLoadsWithoutCache() throws IOException {
        Files.write(tmp.resolve("cache"), new byte[] {1}); // a file where the folder should be
        try (Loaded loaded = load(Fixtures.dir(Fixtures.MARIAN), cache())) {
            assertThat(loaded.prepared().wrote()).isFalse();
            assertThat(loaded.prepared().misses()).isEqualTo(DERIVED_ARRAYS);
            checkGoldenIds(Fixtures.MARIAN, loaded.model());
        }
    }

    @Test
    void theFixturesAreUnderTheDefaultThresholdAndWriteNothing() throws IOException {
        for (String fixture : List.of(Fixtures.MARIAN, Fixtures.BART)) {
            try (Loaded loaded = load(Fixtures.dir(fixture),
                    PreparedWeightsCache.in(tmp.resolve("cache"), PreparedWeightsCache.DEFAULT_MIN_BYTES))) {
                assertThat(loaded.prepared().file()).isEmpty();
            }
        }
        assertThat(tmp.resolve("cache")).doesNotExist();
        // The plain load, as every other test does it: nothing named after a fixture in the user's cache.
        try (Checkpoint weights = Checkpoints.open(Fixtures.dir(Fixtures.MARIAN))) {
            Seq2SeqModel.load(ModelConfig.read(Fixtures.dir(Fixtures.MARIAN).resolve("config.json")), weights)
                    .close();
        }
        PreparedWeightsCache.fromEnvironment().folder().filter(Files::isDirectory).ifPresent(folder -> {
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files).noneMatch(f -> f.getFileName().toString().startsWith("tiny-"));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void halfPrecisionTensorsAreConvertedOnceThenMappedBitForBit() throws IOException {
        short[] f16 = {0x3C00, (short) 0xC000, 0x3800, 0x0001, 0x7BFF, (short) 0x8000};
        short[] bf16 = {0x3F80, (short) 0xC040, 0x0001, 0x7F7F, (short) 0xBE80, 0x4049};
        Path file = HalfTensors.write(tmp.resolve("half.safetensors"), f16, bf16);
        float[] expectedH;
        float[] expectedB;
        try (Checkpoint checkpoint = Checkpoints.openFile(file)) {
            expectedH = checkpoint.tensor("h").toFloatArray();
            expectedB = checkpoint.tensor("b").toFloatArray();
        }
        for (int load = 0; load < 3; load++) {
            PreparedWeightsCache cache = load == 0 ? PreparedWeightsCache.off() : cache();
            TorchRuntime.start();
            try (Checkpoint checkpoint = Checkpoints.openFile(file);
                 PreparedWeights prepared = cache.open(checkpoint);
                 NDManager manager = NDManager.newBaseManager()) {
                WeightsView view = new WeightsView(checkpoint, prepared, manager, "");
                NDArray h = view.get("h", 2, 3);
                NDArray b = Linear.columnMajor(view, "b", 2, 3);
                assertThat(h.toFloatArray()).as("load %d", load).containsExactly(expectedH);
                assertThat(b.toFloatArray()).as("load %d", load).containsExactly(expectedB);
                prepared.commit();
                assertThat(prepared.hits()).as("load %d", load).isEqualTo(load == 2 ? 2 : 0);
                assertThat(prepared.wrote()).as("load %d", load).isEqualTo(load == 1);
            }
        }
    }
}
