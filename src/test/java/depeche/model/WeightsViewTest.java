package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.model.weights.PreparedWeights;
import java.io.IOException;
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
            WeightsView view = new WeightsView(checkpoint, PreparedWeights.off(), manager, "");
            assertThat(view.get("h", 2, 3).toFloatArray()).containsExactly(expected);
            assertThat(view.get("b", 2, 3).toFloatArray()).containsExactly(expectedB);
        }
    }
}
