package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Position vectors added to the token embeddings: Marian's fixed sinusoids or BART's learned table, read at
 * positions {@code past .. past+length-1}. Positions never depend on padding, which is always on the right.
 */
final class PositionalEmbedding {
    private final NDArray table;
    private final int offset;
    private final int maxPositions;

    private PositionalEmbedding(NDArray table, int offset, int maxPositions) {
        this.table = table;
        this.offset = offset;
        this.maxPositions = maxPositions;
    }

    static PositionalEmbedding load(WeightsView weights, ModelConfig c, NDManager manager) {
        int max = c.maxPositionEmbeddings();
        int offset = c.architecture().positionOffset();
        return switch (c.architecture().positions()) {
            // Kept with the prepared weights: 2 x 262,144 sines and cosines took 10-20 ms of every start.
            case SINUSOIDAL -> new PositionalEmbedding(weights.prepared("sinusoids", new long[] {max, c.dModel()},
                    () -> sinusoids(manager, max, c.dModel())), 0, max);
            case LEARNED -> new PositionalEmbedding(weights.get("weight", max + offset, c.dModel()), offset, max);
        };
    }

    int maxPositions() {
        return maxPositions;
    }

    /** The vectors of positions {@code past .. past+length-1}, [length, d_model]. */
    NDArray forward(NDManager manager, long past, long length) {
        if (past + length > maxPositions) {
            throw new IllegalArgumentException("position " + (past + length - 1) + " is beyond the model's "
                    + maxPositions + " positions (max_position_embeddings)");
        }
        return table.get(manager, new NDIndex("{}:{}", past + offset, past + offset + length));
    }

    /**
     * HF's {@code MarianSinusoidalPositionalEmbedding}: P[pos][i] = sin(pos / 10000^(2i/d)) for the first half
     * of the dimensions and the matching cosines in the second half (not interleaved), computed in double and
     * rounded to float.
     */
    private static NDArray sinusoids(NDManager manager, int positions, int dim) {
        int sines = (dim + 1) / 2;
        double[] wavelength = new double[dim]; // the same doubles for every position: computed once
        for (int j = 0; j < dim; j++) {
            int i = j < sines ? j : j - sines;
            wavelength[j] = Math.pow(10000, 2.0 * i / dim);
        }
        float[] values = new float[positions * dim];
        for (int pos = 0; pos < positions; pos++) {
            for (int j = 0; j < dim; j++) {
                double angle = pos / wavelength[j];
                values[pos * dim + j] = (float) (j < sines ? Math.sin(angle) : Math.cos(angle));
            }
        }
        return manager.create(values, new Shape(positions, dim));
    }
}
