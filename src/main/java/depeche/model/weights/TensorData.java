package depeche.model.weights;

import java.nio.ByteBuffer;

/**
 * One tensor as a checkpoint stores it: element type, shape, and its bytes in little-endian order.
 *
 * @param name  the checkpoint key, e.g. {@code model.encoder.layers.0.fc1.weight}
 * @param dtype the stored element type
 * @param shape the dimensions, outermost first
 * @param data  exactly {@code product(shape) * dtype.bytes()} bytes, position 0, little-endian
 */
public record TensorData(String name, DType dtype, long[] shape, ByteBuffer data) {

    /** Element types found in HF checkpoints. */
    public enum DType {
        F64(8), F32(4), F16(2), BF16(2), I64(8), I32(4), I16(2), I8(1), U8(1), BOOL(1);

        private final int bytes;

        DType(int bytes) {
            this.bytes = bytes;
        }

        public int bytes() {
            return bytes;
        }
    }
}
