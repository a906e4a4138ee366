package depeche.model;

import ai.djl.ndarray.NDArray;

/**
 * The encoder's view of a batch of inputs.
 *
 * @param hidden  last hidden state [inputs, S, d_model], right-padded inputs
 * @param mask    additive mask [inputs, 1, 1, S]: 0 for real tokens, float32.min for padding
 */
public record EncoderOutput(NDArray hidden, NDArray mask) implements AutoCloseable {
    @Override
    public void close() {
        hidden.close();
        mask.close();
    }
}
