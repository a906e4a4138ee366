package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.folder.ModelException;
import depeche.model.weights.FiniteWeights.Damage;
import depeche.model.weights.TensorData.DType;
import depeche.testing.DamagedWeights;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** NaN and infinite weights are found in every float dtype and format, and named with their file and tensor. */
class FiniteWeightsTest {
    private static final Path MARIAN = TestFiles.resource("fixtures/tiny-marian");
    private static final Path BART = TestFiles.resource("fixtures/tiny-bart");

    @TempDir
    Path dir;

    @Test
    void theFixturesAreFinite() {
        for (Path weights : new Path[] {MARIAN.resolve("model.safetensors"), MARIAN.resolve("pytorch_model.bin"),
                BART.resolve("model.safetensors")}) {
            try (Checkpoint checkpoint = Checkpoints.openFile(weights)) {
                assertThat(FiniteWeights.firstDamage(checkpoint)).as(weights.toString()).isEmpty();
            }
        }
    }

    @Test
    void nanInASafetensorsTensorIsRefusedNamingTheFileAndTheFirstDamagedTensor() throws IOException {
        Path file = Files.copy(MARIAN.resolve("model.safetensors"), dir.resolve("model.safetensors"));
        DamagedWeights.setF32(file, "model.shared.weight", Float.POSITIVE_INFINITY, 5);
        DamagedWeights.setF32(file, "model.decoder.layers.0.fc1.weight", Float.NaN, 0, 17, 2047);

        try (Checkpoint checkpoint = Checkpoints.openFile(file)) {
            FiniteWeights.Damage damage = FiniteWeights.firstDamage(checkpoint).orElseThrow();
            assertThat(damage.file() + ": " + damage.problem())
                    .isEqualTo(file + ": tensor 'model.decoder.layers.0.fc1.weight' holds NaN (3 values);"
                            + " the weights are damaged");
            assertThatThrownBy(() -> FiniteWeights.require(checkpoint, "model.shared.weight",
                    checkpoint.tensor("model.shared.weight"))).isInstanceOf(ModelException.class)
                    .hasMessage(file + ": tensor 'model.shared.weight' holds Inf (1 value); the weights are damaged");
        }
    }

    @Test
    void nanAndInfinityInOneTensorAreBothCounted() throws IOException {
        Path file = Files.copy(MARIAN.resolve("model.safetensors"), dir.resolve("model.safetensors"));
        DamagedWeights.setF32(file, "final_logits_bias", Float.NEGATIVE_INFINITY, 404);
        DamagedWeights.setF32(file, "final_logits_bias", Float.NaN, 3, 4);

        try (Checkpoint checkpoint = Checkpoints.openFile(file)) {
            assertThat(FiniteWeights.firstDamage(checkpoint)).hasValue(new Damage(file, "final_logits_bias", 2, 1));
            assertThat(FiniteWeights.firstDamage(checkpoint).orElseThrow().problem())
                    .isEqualTo("tensor 'final_logits_bias' holds NaN (2 values) and Inf (1 value); the weights are damaged");
        }
    }

    /** Every dtype, every position of a 7-value tensor (so also the values after the last whole 8-byte word). */
    static Stream<Arguments> nonFiniteValues() {
        return Stream.of(DType.F64, DType.F32, DType.F16, DType.BF16).flatMap(dtype -> IntStream.range(0, 7)
                .boxed().flatMap(at -> Stream.of("NaN", "-NaN", "Inf", "-Inf").map(kind -> Arguments.of(dtype, at, kind))));
    }

    @ParameterizedTest(name = "{2} at {1} of {0}")
    @MethodSource("nonFiniteValues")
    void aNonFiniteValueIsFoundInEveryFloatDtypeAtEveryPosition(DType dtype, int at, String kind) {
        long[] values = new long[7];
        for (int i = 0; i < values.length; i++) {
            values[i] = finiteEdge(dtype, i);
        }
        values[at] = nonFinite(dtype, kind);
        Path file = single(dtype, values);

        try (Checkpoint checkpoint = Checkpoints.openFile(file)) {
            boolean nan = kind.endsWith("NaN");
            assertThat(FiniteWeights.firstDamage(checkpoint)).hasValue(new Damage(file, "t", nan ? 1 : 0, nan ? 0 : 1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"F64", "F32", "F16", "BF16"})
    void theLargestSmallestAndSubnormalFiniteValuesAreNotDamage(String name) {
        DType dtype = DType.valueOf(name);
        long[] values = IntStream.range(0, 1000).mapToLong(i -> finiteEdge(dtype, i)).toArray();
        try (Checkpoint checkpoint = Checkpoints.openFile(single(dtype, values))) {
            assertThat(FiniteWeights.firstDamage(checkpoint)).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"I64", "I32", "I16", "I8", "U8", "BOOL"})
    void integerTensorsWhoseBitsLookLikeNanAreNotFloats(String name) {
        DType dtype = DType.valueOf(name);
        Path file = single(dtype, new long[] {-1, 0x7FF8000000000000L, 0x7FC00000, 0x7E00, -1});
        try (Checkpoint checkpoint = Checkpoints.openFile(file)) {
            assertThat(FiniteWeights.firstDamage(checkpoint)).isEmpty();
        }
    }

    @Test
    void aTiedTensorOfAPytorchBinIsCheckedOnceAndNamedByItsFirstAlias() throws IOException {
        Path file = TestFiles.editZip(MARIAN.resolve("pytorch_model.bin"), dir.resolve("pytorch_model.bin"),
                (entry, bytes) -> entry.equals("pytorch_model/data/0") ? withNan(bytes, 7, 300) : bytes, Map.of());

        try (Checkpoint checkpoint = Checkpoints.openFile(file)) {
            assertThat(checkpoint.names()).contains("model.shared.weight", "model.encoder.embed_tokens.weight",
                    "model.decoder.embed_tokens.weight", "lm_head.weight");
            assertThat(checkpoint.distinctNames()).hasSize(checkpoint.names().size() - 3);
            Damage damage = FiniteWeights.firstDamage(checkpoint).orElseThrow();
            assertThat(damage.file()).isEqualTo(file);
            assertThat(damage.nan()).isEqualTo(2);
            float[] named = checkpoint.tensor(damage.tensor()).toFloatArray();
            assertThat(IntStream.range(0, named.length).filter(i -> Float.isNaN(named[i]))).containsExactly(7, 300);
        }
    }

    @Test
    void aShardedCheckpointNamesTheShardThatHoldsTheDamagedTensor() throws IOException {
        TestFiles.safetensors(dir.resolve("model-00001-of-00002.safetensors"), Map.of("a", new float[] {1, 2}));
        Path second = TestFiles.safetensors(dir.resolve("model-00002-of-00002.safetensors"),
                Map.of("b", new float[] {3, Float.NaN, 5}));
        Files.writeString(dir.resolve("model.safetensors.index.json"),
                "{\"weight_map\":{\"a\":\"model-00001-of-00002.safetensors\","
                        + "\"b\":\"model-00002-of-00002.safetensors\"}}");

        try (Checkpoint checkpoint = Checkpoints.open(dir)) {
            assertThat(FiniteWeights.firstDamage(checkpoint)).hasValue(new Damage(second, "b", 1, 0));
        }
    }

    @Test
    void anEmptyTensorIsFinite() {
        try (Checkpoint checkpoint = Checkpoints.openFile(single(DType.F32, new long[0]))) {
            assertThat(FiniteWeights.firstDamage(checkpoint)).isEqualTo(Optional.empty());
        }
    }

    private Path single(DType dtype, long[] bitPatterns) {
        ByteBuffer data = ByteBuffer.allocate(bitPatterns.length * dtype.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        for (long bits : bitPatterns) {
            switch (dtype.bytes()) {
                case 8 -> data.putLong(bits);
                case 4 -> data.putInt((int) bits);
                case 2 -> data.putShort((short) bits);
                default -> data.put((byte) bits);
            }
        }
        String header = "{\"t\":{\"dtype\":\"" + dtype + "\",\"shape\":[" + bitPatterns.length + "],\"data_offsets\":[0,"
                + data.capacity() + "]}}";
        return TestFiles.safetensors(dir.resolve(dtype + ".safetensors"), header, data.array());
    }

    /** Finite values at the edges of each format: largest, smallest normal, subnormal, zeros, either sign. */
    private static long finiteEdge(DType dtype, int i) {
        long[] edges = switch (dtype) {
            case F64 -> new long[] {0x7FEFFFFFFFFFFFFFL, 0xFFEFFFFFFFFFFFFFL, 0x0010000000000000L, 1L,
                    0x8000000000000000L, 0, Double.doubleToLongBits(0.5)};
            case F32 -> new long[] {0x7F7FFFFF, 0xFF7FFFFFL, 0x00800000, 1, 0x80000000L, 0, Float.floatToIntBits(0.5f)};
            case F16 -> new long[] {0x7BFF, 0xFBFF, 0x0400, 1, 0x8000, 0, 0x3800};
            case BF16 -> new long[] {0x7F7F, 0xFF7F, 0x0080, 1, 0x8000, 0, 0x3F00};
            default -> throw new IllegalArgumentException(dtype.toString());
        };
        return edges[i % edges.length];
    }

    private static long nonFinite(DType dtype, String kind) {
        long sign = switch (dtype) {
            case F64 -> 0x8000000000000000L;
            case F32 -> 0x80000000L;
            default -> 0x8000;
        };
        long infinity = switch (dtype) {
            case F64 -> 0x7FF0000000000000L;
            case F32 -> 0x7F800000;
            case F16 -> 0x7C00;
            default -> 0x7F80;
        };
        long bits = kind.endsWith("NaN") ? infinity | 1 : infinity; // the smallest NaN payload
        return kind.startsWith("-") ? bits | sign : bits;
    }

    private static byte[] withNan(byte[] floats, int... indices) {
        ByteBuffer buffer = ByteBuffer.wrap(floats.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (int index : indices) {
            buffer.putFloat(4 * index, Float.NaN);
        }
        return buffer.array();
    }
}
