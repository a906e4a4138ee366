package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

/**
 * The key/value cache of one decoder layer. Self-attention keys and values grow by one position per step,
 * one row per hypothesis, written in place ({@link PositionBuffer}); cross-attention keys and values are computed
 * once, one row per input, and shared by that input's {@code group} hypotheses. Arrays kept here belong to the
 * decoding's manager and survive the {@link NDScope} of the step that made them.
 */
final class LayerCache {
    record Cross(NDArray keys, NDArray values) {
    }

    private final NDManager manager;
    private final int group;
    private Cross cross;
    private final PositionBuffer selfKeys;
    private final PositionBuffer selfValues;

    LayerCache(NDManager manager, Cross cross, int group) {
        this.manager = manager;
        this.group = group;
        this.cross = new Cross(keep(cross.keys()), keep(cross.values()));
        this.selfKeys = new PositionBuffer(manager);
        this.selfValues = new PositionBuffer(manager);
    }

    int group() {
        return group;
    }

    Cross cross() {
        return cross;
    }

    /** The self-attention keys of every position so far, [rows, heads, length, head_dim]. */
    NDArray selfKeys() {
        return selfKeys.used();
    }

    /** The self-attention values of every position so far, [rows, heads, length, head_dim]. */
    NDArray selfValues() {
        return selfValues.used();
    }

    /** Appends the keys and values [rows, heads, T, head_dim] of new positions. */
    void append(NDArray keys, NDArray values) {
        selfKeys.append(keys);
        selfValues.append(values);
    }

    /** Row i of the self-attention cache becomes the old row {@code rows[i]} (finished rows or inputs leave). */
    void selectRows(NDArray rows) {
        selfKeys.selectRows(rows);
        selfValues.selectRows(rows);
    }

    /** Row {@code destinations[i]} becomes a copy of row {@code sources[i]}; no destination is a source. */
    void copyRows(NDArray destinations, NDArray sources) {
        selfKeys.copyRows(destinations, sources);
        selfValues.copyRows(destinations, sources);
    }

    /** Keeps only the cross-attention rows of the given inputs. */
    void selectInputs(NDArray inputs) {
        Cross old = cross;
        cross = new Cross(keep(old.keys().get(new NDIndex("{}", inputs))),
                keep(old.values().get(new NDIndex("{}", inputs))));
        old.keys().close();
        old.values().close();
    }

    private NDArray keep(NDArray array) {
        NDScope.unregister(array);
        array.attach(manager);
        return array;
    }
}
