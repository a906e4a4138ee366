package depeche.model.weights;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A tensor as {@code torch._utils._rebuild_tensor_v2} describes it: a window into a storage given by an element
 * offset, a size and a stride per dimension. Several names may share one storage (tied embeddings, views).
 * A record, so that two names for the same view compare equal.
 */
record TensorView(StorageRef storage, long storageOffset, List<Long> shape, List<Long> stride) {

    TensorInfo info(String name) {
        return new TensorInfo(name, storage.dtype(), shape.stream().mapToLong(Long::longValue).toArray());
    }

    long numel() {
        return shape.stream().reduce(1L, Math::multiplyExact);
    }

    /** How many elements of the storage the view spans from its start: its last element's index + 1. */
    long extent() {
        long last = storageOffset;
        for (int d = 0; d < shape.size(); d++) {
            if (shape.get(d) == 0) {
                return storageOffset;
            }
            last = Math.addExact(last, Math.multiplyExact(shape.get(d) - 1, stride.get(d)));
        }
        return last + 1;
    }

    /** Row-major without gaps; a dimension of size 1 may have any stride, as in torch. */
    private boolean isContiguous() {
        long expected = 1;
        for (int d = shape.size() - 1; d >= 0; d--) {
            if (shape.get(d) != 1 && stride.get(d) != expected) {
                return false;
            }
            expected *= shape.get(d);
        }
        return true;
    }

    /**
     * The view's elements as contiguous row-major little-endian bytes. A contiguous little-endian view is a slice
     * of {@code storageBytes} (no copy); anything else is copied element by element, reversing each element's
     * bytes when the storage is big-endian.
     *
     * @param storageBytes the whole storage, position 0, at least {@link #extent()} elements long
     */
    ByteBuffer materialize(ByteBuffer storageBytes, ByteOrder storedOrder, int byteSize) {
        int elementSize = storage.dtype().bytes();
        int start = Math.toIntExact(storageOffset * elementSize);
        if (storedOrder == ByteOrder.LITTLE_ENDIAN && isContiguous()) {
            return storageBytes.slice(start, byteSize).order(ByteOrder.LITTLE_ENDIAN);
        }
        ByteBuffer out = ByteBuffer.allocate(byteSize).order(ByteOrder.LITTLE_ENDIAN);
        int rank = shape.size();
        long[] index = new long[rank];
        long source = storageOffset; // element index of the element at `index`
        for (int n = byteSize / elementSize; n > 0; n--) {
            copyElement(storageBytes, Math.toIntExact(source * elementSize), elementSize, storedOrder, out);
            // Advance the row-major odometer, moving `source` along the strides.
            for (int d = rank - 1; d >= 0; d--) {
                source += stride.get(d);
                if (++index[d] < shape.get(d)) {
                    break;
                }
                source -= stride.get(d) * shape.get(d);
                index[d] = 0;
            }
        }
        return out.flip();
    }

    private static void copyElement(ByteBuffer from, int at, int size, ByteOrder order, ByteBuffer to) {
        for (int i = 0; i < size; i++) {
            to.put(from.get(order == ByteOrder.LITTLE_ENDIAN ? at + i : at + size - 1 - i));
        }
    }
}
