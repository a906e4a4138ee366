package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the decoder remembers between steps of one generation: per layer, the growing self-attention
 * cache and the encoder's cross-attention keys/values, plus the encoder padding mask. Each input has
 * {@code group} consecutive rows (its beams). Owns a manager; close it when the generation ends.
 */
public final class DecoderState implements AutoCloseable {
    private final NDManager manager;
    private final List<LayerCache> layers;
    private final int group;
    private NDArray crossMask;
    private long length;

    DecoderState(NDManager manager, List<LayerCache.Cross> cross, NDArray crossMask, int group) {
        this.manager = manager;
        this.group = group;
        this.layers = new ArrayList<>(cross.size());
        for (LayerCache.Cross c : cross) {
            layers.add(new LayerCache(manager, c, group));
        }
        this.crossMask = keep(crossMask);
    }

    /** Positions decoded so far. */
    public long length() {
        return length;
    }

    /** Rows per input. */
    public int group() {
        return group;
    }

    NDManager manager() {
        return manager;
    }

    LayerCache layer(int i) {
        return layers.get(i);
    }

    NDArray crossMask() {
        return crossMask;
    }

    void advance(long positions) {
        length += positions;
    }

    /**
     * Rearranges the rows: new row i continues old row {@code rowSources[i]}. When inputs are dropped (finished),
     * {@code keptInputs} lists the old input indices that remain, in order; otherwise it is null. Rows must stay
     * grouped by input, {@code group} per remaining input.
     */
    public void select(long[] rowSources, long[] keptInputs) {
        try (NDScope ignored = new NDScope()) {
            NDArray rows = manager.create(rowSources);
            for (LayerCache layer : layers) {
                layer.selectRows(rows);
            }
            if (keptInputs != null) {
                NDArray inputs = manager.create(keptInputs);
                for (LayerCache layer : layers) {
                    layer.selectInputs(inputs);
                }
                NDArray old = crossMask;
                crossMask = keep(old.get(new NDIndex("{}", inputs)));
                old.close();
            }
        }
    }

    /**
     * Copies whole rows of the self-attention cache in place: row {@code destinations[i]} becomes row
     * {@code sources[i]}. Beam search uses it to continue a beam in the slot of one that ended, so rows that keep
     * their slot cost nothing. No destination may also be a source.
     */
    public void copyRows(long[] destinations, long[] sources) {
        if (destinations.length == 0) {
            return;
        }
        // A few rows (one sentence's beams) on one thread, as the layers of such a step (Decoder): each of the
        // 24 gathers and scatters otherwise wakes the second thread for a copy of a few hundred KB (2.8 % of a
        // one-sentence-per-call bench's CPU time in OpenMP's wake-ups and barriers).
        if (destinations.length <= Decoder.ONE_THREAD_POSITIONS) {
            TorchRuntime.onOneThread(() -> copyEachLayer(destinations, sources));
        } else {
            copyEachLayer(destinations, sources);
        }
    }

    private Void copyEachLayer(long[] destinations, long[] sources) {
        try (NDScope ignored = new NDScope()) {
            NDArray to = manager.create(destinations);
            NDArray from = manager.create(sources);
            for (LayerCache layer : layers) {
                layer.copyRows(to, from);
            }
        }
        return null;
    }

    private NDArray keep(NDArray array) {
        NDScope.unregister(array);
        array.attach(manager);
        return array;
    }

    @Override
    public void close() {
        manager.close();
    }
}
