package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * One layer's self-attention keys (or values) of every row, [rows, heads, capacity, head_dim], written in place one
 * position at a time; the first {@link #length()} positions are in use.
 *
 * <p>Why not concatenate: a cache that grows by {@code concat} copies all its positions at every step and
 * allocates a new array of a new size each time (fresh pages, which fault). Here a step writes only its own
 * position, the capacity doubles when full (so each position is copied at most about once more), and pages past
 * the used positions are never touched. Attention reads a view of the used positions.
 */
final class PositionBuffer {
    private static final int FIRST_CAPACITY = 32;

    private final NDManager manager;
    private NDArray buffer;
    private long length;

    PositionBuffer(NDManager manager) {
        this.manager = manager;
    }

    long length() {
        return length;
    }

    /** Writes {@code fresh} [rows, heads, T, head_dim] at positions {@code length .. length+T-1}. */
    void append(NDArray fresh) {
        long needed = length + fresh.getShape().get(2);
        if (buffer == null || buffer.getShape().get(2) < needed) {
            grow(fresh, needed);
        }
        Shape shape = buffer.getShape();
        JniUtils.indexSet((PtNDArray) buffer, (PtNDArray) fresh, new long[] {0, 0, length},
                new long[] {shape.get(0), shape.get(1), needed}, new long[] {1, 1, 1});
        length = needed;
    }

    /** The used positions, [rows, heads, length, head_dim]: a view, valid until the next change. */
    NDArray used() {
        return JniUtils.slice((PtNDArray) buffer, 2, 0, length, 1);
    }

    /**
     * Row {@code destinations[i]} becomes a copy of row {@code sources[i]}. No destination may be a source (beam
     * search copies a continued beam into the slot of a beam that ended).
     */
    void copyRows(NDArray destinations, NDArray sources) {
        if (buffer != null) {
            // Whole rows, capacity included: one gather and one scatter, where selecting the used positions as well
            // took five more operations per buffer and step (each a few µs of call overhead, 12 buffers a step).
            buffer.set(new NDIndex("{}", destinations), buffer.get(new NDIndex("{}", sources)));
        }
    }

    /** Keeps only the given rows, in that order (finished inputs or rows leave the batch). */
    void selectRows(NDArray rows) {
        if (buffer != null) {
            replace(buffer.get(new NDIndex("{}", rows)));
        }
    }

    private void grow(NDArray fresh, long needed) {
        long capacity = Math.max(needed, buffer == null ? FIRST_CAPACITY : 2 * buffer.getShape().get(2));
        Shape shape = fresh.getShape();
        NDArray larger = manager.create(new Shape(shape.get(0), shape.get(1), capacity, shape.get(3)),
                fresh.getDataType());
        if (buffer != null && length > 0) {
            larger.set(new NDIndex(":, :, :{}", length), used());
        }
        replace(larger);
    }

    private void replace(NDArray fresh) {
        NDScope.unregister(fresh);
        fresh.attach(manager);
        if (buffer != null) {
            buffer.close();
        }
        buffer = fresh;
    }
}
