package depeche.model.weights;

import depeche.model.weights.TensorData.DType;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What a checkpoint says about one tensor before any of its bytes are read.
 *
 * @param name  the checkpoint key
 * @param dtype the stored element type
 * @param shape the dimensions, outermost first
 */
public record TensorInfo(String name, DType dtype, long[] shape) {

    /** The number of elements: the product of the shape (1 for a scalar). */
    public long numel() {
        return numel(shape);
    }

    /** The number of bytes the elements take. */
    public long byteSize() {
        return Math.multiplyExact(numel(), dtype.bytes());
    }

    static long numel(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The byte size as an int: a tensor must fit one buffer. */
    int bufferSize(Path file) {
        return FileBytes.bufferSize(file, "tensor '" + name + "'", byteSize());
    }

    @Override
    public String toString() {
        return name + " " + dtype + Arrays.toString(shape);
    }
}
