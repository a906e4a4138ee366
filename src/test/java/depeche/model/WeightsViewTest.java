package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tensors of every floating-point dtype a checkpoint may hold become their float32 values. */
class WeightsViewTest {
    @TempDir
    Path tmp;

    @Test
    void halfPrecisionTensorsBecomeTheirFloat32Values() throws IOException {
        // 1, -2, 0.5, the smallest subnormal, the largest finite value, -0 (F16 then BF16)
        Path file = HalfTensors.write(tmp.resolve("half.safetensors"),
                new short[] {0x3C00, (short) 0xC000, 0x3800, 0x0001, 0x7BFF, (short) 0x8000},
                new short[] {0x3F80, (short) 0xC000, 0x3F00, 0x0001, 0x7F7F, (short) 0x8000});
        float[] expected = {1, -2, 0.5f, 0x1p-24f, 65504, -0f};
        float[] expectedB = {1, -2, 0.5f, Float.intBitsToFloat(0x10000), Float.intBitsToFloat(0x7F7F0000), -0f};
        TorchRuntime.start();
        try (Checkpoint checkpoint = Checkpoints.openFile(file);
             NDManager manager = NDManager.newBaseManager()) {
            WeightsView view = new WeightsView(checkpoint, manager, "");
            assertThat(view.get("h", 2, 3).toFloatArray()).containsExactly(expected);
            assertThat(view.get("b", 2, 3).toFloatArray()).containsExactly(expectedB);
        }
    }

    /** Safetensors files of an F16 tensor {@code h} and a BF16 tensor {@code b}, both [2, 3]. */
    static final class HalfTensors {
        private HalfTensors() {
        }

        static Path write(Path file, short[] f16, short[] bf16) throws IOException {
            String header = "{\"h\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,12]},"
                    + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2,3],\"data_offsets\":[12,24]}}";
            byte[] json = header.getBytes(StandardCharsets.UTF_8);
            ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + 24).order(ByteOrder.LITTLE_ENDIAN);
            bytes.putLong(json.length).put(json);
            for (short value : f16) {
                bytes.putShort(value);
            }
            for (short value : bf16) {
                bytes.putShort(value);
            }
            return Files.write(file, bytes.array());
        }
    }
}
