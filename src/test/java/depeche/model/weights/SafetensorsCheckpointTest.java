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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsCheckpointTest {
    @TempDir
    Path dir;

    @Test
    void readsTensorsAsLittleEndianMappingsOfTheFile() {
        Path file = TestFiles.safetensors(dir.resolve("m.safetensors"),
                "{\"__metadata__\":{\"format\":\"pt\"},\"h\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]},"
                        + "\"b\":{\"dtype\":\"BF16\",\"shape\":[1,1],\"data_offsets\":[4,6]}}  ",
                new byte[] {0x00, 0x3c, 0x00, (byte) 0xc1, (byte) 0x80, 0x3f});
        try (Checkpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertThat(checkpoint.names()).containsExactly("h", "b");
            TensorData half = checkpoint.tensor("h");
            assertThat(half.dtype()).isEqualTo(DType.F16);
            assertThat(half.data().order()).isEqualTo(ByteOrder.LITTLE_ENDIAN);
            assertThat(half.data().isDirect()).as("a mapping, not a copy").isTrue();
            assertThat(half.toFloatArray()).containsExactly(1.0f, -2.5f);
            assertThat(checkpoint.tensor("b").shape()).containsExactly(1, 1);
            assertThat(checkpoint.tensor("b").toFloatArray()).containsExactly(1.0f);
        }
    }

    @Test
    void absentNameIsMissing() {
        Path file = TestFiles.resource("fixtures/tiny-bart/model.safetensors");
        try (Checkpoint checkpoint = SafetensorsCheckpoint.open(file)) {
            assertThatThrownBy(() -> checkpoint.tensor("lm_head.weight")).isInstanceOf(ModelException.class)
                    .hasMessage(file + ": tensor 'lm_head.weight' is missing");
        }
    }

    @Test
    void fileShorterThanTheHeaderLength() {
        Path file = TestFiles.write(dir.resolve("short.safetensors"), new byte[5]);
        assertRefused(file, "the file has only 5 bytes, too few for the 8-byte safetensors header length");
    }

    @Test
    void headerLengthLargerThanTheFile() {
        byte[] bytes = {(byte) 0xe8, 3, 0, 0, 0, 0, 0, 0, '{', '}'};
        Path file = TestFiles.write(dir.resolve("long.safetensors"), bytes);
        assertRefused(file, "header claims 1000 bytes but the file has only 2 after its 8-byte length");
    }

    @Test
    void headerLengthWithTheTopBitSetIsNotNegative() {
        byte[] bytes = {0, 0, 0, 0, 0, 0, 0, (byte) 0x80, '{', '}'};
        Path file = TestFiles.write(dir.resolve("huge.safetensors"), bytes);
        assertRefused(file, "header claims 9223372036854775808 bytes but the file has only 2 after its 8-byte length");
    }

    @Test
    void headerThatIsNotJson() {
        Path file = TestFiles.safetensors(dir.resolve("garbage.safetensors"), "{\"a\": nope", new byte[0]);
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file + ": header is invalid JSON at line 1, column ")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownDtype() {
        Path file = TestFiles.safetensors(dir.resolve("f8.safetensors"),
                "{\"a\":{\"dtype\":\"F8_E4M3\",\"shape\":[1],\"data_offsets\":[0,1]}}", new byte[1]);
        assertRefused(file, "tensor 'a' has unknown dtype 'F8_E4M3'");
    }

    @Test
    void offsetsBeyondTheDataSection() {
        Path file = TestFiles.safetensors(dir.resolve("beyond.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", new byte[8]);
        assertRefused(file, "tensor 'a' claims bytes [0,16) but the data section has only 8 bytes: "
                + "the file is truncated or corrupt");
    }

    @Test
    void offsetsThatDoNotFitTheShape() {
        Path file = TestFiles.safetensors(dir.resolve("misfit.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,20]}}", new byte[24]);
        assertRefused(file, "tensor 'a' has shape [2, 3] of F32, which needs 24 bytes, but its data_offsets [0,20) "
                + "hold 20");
    }

    @Test
    void negativeShape() {
        Path file = TestFiles.safetensors(dir.resolve("negative.safetensors"),
                "{\"a\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,4]}}", new byte[4]);
        assertRefused(file, "tensor 'a' has shape [-1], which are not all non-negative integers");
    }

    @Test
    void truncatedFixture() throws IOException {
        byte[] whole = Files.readAllBytes(TestFiles.resource("fixtures/tiny-marian/model.safetensors"));
        Path file = TestFiles.write(dir.resolve("model.safetensors"), Arrays.copyOf(whole, whole.length - 10));
        long headerLength = ByteBuffer.wrap(whole, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        long dataSize = whole.length - 10 - 8 - headerLength;
        String lastName = lastTensorName(new String(whole, 8, (int) headerLength, StandardCharsets.UTF_8));
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessageStartingWith(file + ": tensor '" + lastName + "' claims bytes [")
                .hasMessageEndingWith(") but the data section has only " + dataSize
                        + " bytes: the file is truncated or corrupt");
    }

    /** The fixture lists tensors in data order, so the last one ends past a truncated data section. */
    private static String lastTensorName(String header) {
        int end = header.lastIndexOf("\":{\"dtype\"");
        return header.substring(header.lastIndexOf('"', end - 1) + 1, end);
    }

    private static void assertRefused(Path file, String problem) {
        assertThatThrownBy(() -> SafetensorsCheckpoint.open(file)).isInstanceOf(ModelException.class)
                .hasMessage(file + ": " + problem);
    }
}
