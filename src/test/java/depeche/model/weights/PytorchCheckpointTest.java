package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.folder.ModelException;
import depeche.model.weights.TensorData.DType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading torch.save files: the legacy format, views and dtypes, and damaged zips. See resources/weights/. */
class PytorchCheckpointTest {
    private static final Path MARIAN_BIN = TestFiles.resource("fixtures/tiny-marian/pytorch_model.bin");

    @TempDir
    Path dir;

    @Test
    void legacyFormat() {
        try (Checkpoint checkpoint = PytorchCheckpoint.open(TestFiles.resource("weights/legacy.bin"))) {
            assertThat(checkpoint.names()).containsExactly("weight", "bias", "tied.weight", "weight_t", "steps");
            assertThat(checkpoint.tensor("weight").shape()).containsExactly(2, 3);
            assertThat(checkpoint.tensor("weight").toFloatArray()).containsExactly(0.25f, 0.5f, 0.75f, 1f, 1.25f, 1.5f);
            assertThat(checkpoint.tensor("tied.weight").data()).isEqualTo(checkpoint.tensor("weight").data());
            assertThat(checkpoint.tensor("weight_t").shape()).containsExactly(3, 2);
            assertThat(checkpoint.tensor("weight_t").toFloatArray())
                    .containsExactly(0.25f, 1f, 0.5f, 1.25f, 0.75f, 1.5f);
            assertThat(checkpoint.tensor("bias").toFloatArray()).containsExactly(-1f, 0.5f);
            TensorData steps = checkpoint.tensor("steps");
            assertThat(steps.dtype()).isEqualTo(DType.I64);
            assertThat(steps.data().getLong(0)).isEqualTo(7);
            assertThat(steps.data().getLong(8)).isEqualTo(-3);
            // weight and its alias are one view; weight_t is another view of the same storage.
            assertThat(checkpoint.parameterCount()).isEqualTo(6 + 2 + 6 + 2);
        }
    }

    @Test
    void truncatedLegacyFile() throws IOException {
        byte[] whole = Files.readAllBytes(TestFiles.resource("weights/legacy.bin"));
        Path file = TestFiles.write(dir.resolve("legacy.bin"), Arrays.copyOf(whole, whole.length - 9));
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file + ": storage '")
                .hasMessageEndingWith("but it has only " + (whole.length - 9) + " bytes: the file is truncated");
    }

    @Test
    void viewsAreMaterializedWithTheirOffsetsAndStrides() {
        try (Checkpoint checkpoint = PytorchCheckpoint.open(TestFiles.resource("weights/views.bin"))) {
            assertThat(checkpoint.tensor("transposed").shape()).containsExactly(4, 3);
            assertThat(checkpoint.tensor("transposed").toFloatArray())
                    .containsExactly(0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11);
            assertThat(checkpoint.tensor("column").toFloatArray()).containsExactly(1, 5, 9);
            TensorData rows = checkpoint.tensor("rows");
            assertThat(rows.shape()).containsExactly(2, 4);
            assertThat(rows.toFloatArray()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11);
            assertThat(rows.data().array()).as("a contiguous view slices its storage")
                    .isSameAs(checkpoint.tensor("base").data().array());
            assertThat(checkpoint.tensor("param").shape()).containsExactly(1, 2);
            assertThat(checkpoint.tensor("param").toFloatArray()).containsExactly(0.5f, -0.5f);
        }
    }

    @Test
    void dtypesAreKeptAndConvertToFloat() {
        try (Checkpoint checkpoint = PytorchCheckpoint.open(TestFiles.resource("weights/views.bin"))) {
            TensorData half = checkpoint.tensor("half");
            assertThat(half.dtype()).isEqualTo(DType.F16);
            assertThat(half.data().remaining()).isEqualTo(12);
            assertThat(half.toFloatArray()).containsExactly(1f, -2.5f, 65504f, 0x1p-14f, 0x1p-24f, -0f);
            assertThat(checkpoint.tensor("half_t").toFloatArray()).containsExactly(0, 3, 1, 4, 2, 5);
            TensorData bf16 = checkpoint.tensor("bf16");
            assertThat(bf16.dtype()).isEqualTo(DType.BF16);
            assertThat(bf16.toFloatArray()).containsExactly(1f, -2.5f, 3.140625f, 0x1p100f);
            TensorData f64 = checkpoint.tensor("f64");
            assertThat(f64.dtype()).isEqualTo(DType.F64);
            assertThat(f64.data().getDouble(0)).isEqualTo(0.1);
            assertThat(f64.data().getDouble(8)).isEqualTo(-1e300);
            assertThat(checkpoint.tensor("i64").data().getLong(16)).isEqualTo(1L << 40);
            TensorData flags = checkpoint.tensor("flags");
            assertThat(flags.dtype()).isEqualTo(DType.BOOL);
            assertThat(flags.toFloatArray()).containsExactly(1, 0, 1);
        }
    }

    @Test
    void zipMissingAStorageEntry() {
        Path file = TestFiles.editZip(MARIAN_BIN, dir.resolve("pytorch_model.bin"),
                (name, bytes) -> name.equals("pytorch_model/data/1") ? null : bytes, Map.of());
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": storage '1' is missing: the zip has no entry 'pytorch_model/data/1'");
    }

    @Test
    void zipWithAShortStorageEntry() {
        Path file = TestFiles.editZip(MARIAN_BIN, dir.resolve("pytorch_model.bin"),
                (name, bytes) -> name.equals("pytorch_model/data/1") ? new byte[100] : bytes, Map.of());
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": storage '1' has 100 bytes in the zip but the pickle declares 1024 F32 elements "
                        + "(4096 bytes)");
    }

    @Test
    void bigEndianStoragesAreConverted() {
        Path file = TestFiles.editZip(MARIAN_BIN, dir.resolve("big.bin"),
                (name, bytes) -> name.contains("/data/") ? reverseEach4Bytes(bytes) : bytes,
                Map.of("pytorch_model/byteorder", "big".getBytes(StandardCharsets.US_ASCII)));
        try (Checkpoint big = PytorchCheckpoint.open(file); Checkpoint little = PytorchCheckpoint.open(MARIAN_BIN)) {
            assertThat(big.names()).isEqualTo(little.names());
            for (String name : little.names()) {
                assertThat(big.tensor(name).data()).as(name).isEqualTo(little.tensor(name).data());
                assertThat(big.tensor(name).data().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            }
        }
    }

    private static byte[] reverseEach4Bytes(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer out = ByteBuffer.allocate(bytes.length).order(ByteOrder.BIG_ENDIAN);
        while (in.hasRemaining()) {
            out.putFloat(in.getFloat());
        }
        return out.array();
    }

    @Test
    void aCheckpointThatIsNotAStateDict() {
        // {"epoch": 3}: what a training checkpoint holds besides tensors
        byte[] pickle = new PickleBytes().op(PickleBytes.PROTO, 2, PickleBytes.EMPTY_DICT).string("epoch")
                .op('K', 3, 's', PickleBytes.STOP).bytes();
        Path file = TestFiles.torchZip(dir.resolve("training.bin"), pickle);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": is not a plain state dict: its entry epoch is of type int, not a tensor");
    }

    @Test
    void neitherZipNorPickle() {
        byte[] page = "<html>rate limited</html>".getBytes(StandardCharsets.UTF_8);
        Path file = TestFiles.write(dir.resolve("page.bin"), page);
        assertThatThrownBy(() -> PytorchCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": is neither a torch.save zip nor a legacy torch.save file");
    }

    @Test
    void absentNameIsMissing() {
        try (Checkpoint checkpoint = PytorchCheckpoint.open(MARIAN_BIN)) {
            assertThatThrownBy(() -> checkpoint.tensor("model.encoder.embed_positions.weight"))
                    .isInstanceOf(ModelException.class)
                    .hasMessage(MARIAN_BIN + ": tensor 'model.encoder.embed_positions.weight' is missing");
        }
    }
}
