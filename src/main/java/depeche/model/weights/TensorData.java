package depeche.model.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

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

    /** The number of elements: the product of the shape (1 for a scalar). */
    public long numel() {
        return TensorInfo.numel(shape);
    }

    /** Name, dtype and shape, without the bytes. */
    public TensorInfo info() {
        return new TensorInfo(name, dtype, shape);
    }

    /**
     * The elements as float32, row-major. F16, BF16 and F64 are converted (F64 rounds to nearest); integer and
     * bool elements become their numeric value, so the conversion never fails.
     */
    public float[] toFloatArray() {
        float[] out = new float[Math.toIntExact(numel())];
        convertTo(FloatBuffer.wrap(out));
        return out;
    }

    /**
     * The elements as float32, converted as by {@link #toFloatArray()}, in a direct buffer of the machine's byte
     * order: memory an engine can use as it is.
     */
    public ByteBuffer toFloat32Buffer() {
        ByteBuffer out = ByteBuffer.allocateDirect(Math.multiplyExact(Float.BYTES, Math.toIntExact(numel())))
                .order(ByteOrder.nativeOrder());
        convertTo(out.asFloatBuffer());
        return out;
    }

    private void convertTo(FloatBuffer out) {
        ByteBuffer in = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        while (out.hasRemaining()) {
            out.put(switch (dtype) {
                case F64 -> (float) in.getDouble();
                case F32 -> in.getFloat();
                case F16 -> halfToFloat(in.getShort());
                case BF16 -> Float.intBitsToFloat((in.getShort() & 0xffff) << 16); // bf16 is float32's top half
                case I64 -> in.getLong();
                case I32 -> in.getInt();
                case I16 -> in.getShort();
                case I8 -> in.get();
                case U8, BOOL -> in.get() & 0xff;
            });
        }
    }

    /** IEEE 754 binary16 to float32 (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) { // infinity or NaN: keep the payload
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) { // zero or subnormal: mantissa * 2^-24, exact in float32
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
