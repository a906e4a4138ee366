package depeche.generate;

/**
 * The model computed NaN scores: a NaN weight (one is enough), or values that overflowed to infinity on the way.
 * Whatever came out would be garbage (empty or all-dots text) with no sign of it, so the generation stops instead.
 * Checked on the few top scores copied to Java each step anyway: a NaN anywhere in an input's scores is the first
 * of its top-k (PyTorch ranks NaN above every number), so the check costs nothing.
 */
public final class NaNScoresException extends RuntimeException {
    NaNScoresException(int position) {
        super("the model produced NaN scores at output position " + position
                + ": its weights hold NaN or infinite values, or its computation overflowed");
    }

    /** @param position the output position the scores were for (1 = the first token after the start token) */
    static void check(float[] scores, int position) {
        for (float score : scores) {
            if (Float.isNaN(score)) {
                throw new NaNScoresException(position);
            }
        }
    }
}
