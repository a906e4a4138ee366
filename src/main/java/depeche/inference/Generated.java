package depeche.inference;

/**
 * A model's output for one input.
 *
 * @param text  the decoded text, special tokens skipped
 * @param ids   the generated ids after the decoder start token, up to and including eos when one was generated
 * @param score beam search's sequence score, NaN for greedy search
 */
public record Generated(String text, long[] ids, double score) {
}
