package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

/**
 * The key/value cache of one decoder layer. Self-attention keys and values grow by one position per step,
 * one row per hypothesis; cross-attention keys and values are computed once, one row per input, and shared by
 * that input's {@code group} hypotheses. Arrays kept here belong to the decoding's manager and survive the
 * {@link NDScope} of the step that made them.
 */
final class LayerCache {
    record Cross(NDArray keys, NDArray values) {
    }

    private final NDManager manager;
    private final int group;
    private Cross cross;
    private NDArray selfKeys;
    private NDArray selfValues;

    LayerCache(NDManager manager, Cross cross, int group) {
        this.manager = manager;
        this.group = group;
        this.cross = new Cross(keep(cross.keys()), keep(cross.values()));
    }

    int group() {
        return group;
    }

    Cross cross() {
        return cross;
    }

    NDArray selfKeys() {
        return selfKeys;
    }

    NDArray selfValues() {
        return selfValues;
    }

    /** Appends the keys and values [rows, heads, T, head_dim] of new positions. */
    void append(NDArray keys, NDArray values) {
        selfKeys = replace(selfKeys, selfKeys == null ? keys : selfKeys.concat(keys, 2));
        selfValues = replace(selfValues, selfValues == null ? values : selfValues.concat(values, 2));
    }

    /** Row i of the self-attention cache becomes the old row {@code rows[i]} (beam reordering, finished rows). */
    void selectRows(NDArray rows) {
        if (selfKeys != null) {
            selfKeys = replace(selfKeys, selfKeys.get(new NDIndex("{}", rows)));
            selfValues = replace(selfValues, selfValues.get(new NDIndex("{}", rows)));
        }
    }

    /** Keeps only the cross-attention rows of the given inputs. */
    void selectInputs(NDArray inputs) {
        Cross old = cross;
        cross = new Cross(keep(old.keys().get(new NDIndex("{}", inputs))),
                keep(old.values().get(new NDIndex("{}", inputs))));
        old.keys().close();
        old.values().close();
    }

    private NDArray replace(NDArray old, NDArray fresh) {
        keep(fresh);
        if (old != null && old != fresh) {
            old.close();
        }
        return fresh;
    }

    private NDArray keep(NDArray array) {
        NDScope.unregister(array);
        array.attach(manager);
        return array;
    }
}
