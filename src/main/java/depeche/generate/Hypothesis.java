package depeche.generate;

/**
 * One generated sequence.
 *
 * @param ids   the tokens as HF returns them: decoder start token first, eos last when one was generated
 * @param score beam search's length-penalized log-probability ({@code sequences_scores}); NaN for greedy
 */
public record Hypothesis(long[] ids, double score) {
}
