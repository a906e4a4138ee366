package depeche.pipeline;

import depeche.document.Outcome;
import depeche.text.OneLine;
import java.util.concurrent.Callable;

/**
 * The last resort that keeps a fault inside the article it happened in. Whatever one article makes the code throw
 * (any exception, a stack overflow from too deep a recursion, an allocation too large for the heap) is caught where
 * that article is handled and becomes its one-line error, and the run goes on with the others. Errors that say the
 * JVM itself is broken (a class that cannot load, an internal error) are no article's fault and still stop the run,
 * which then reports what it did (exit 3). Public for the Spark job, whose tasks keep faults in their articles too.
 */
public final class ArticleFaults {
    /** Library messages can quote a whole paragraph; an error line in the report need not. */
    private static final int MAX_MESSAGE = 400;

    private ArticleFaults() {
    }

    /** The value {@code work} returns, or why it failed when it threw an article's fault. */
    public static <T> Outcome<T> attempt(Callable<T> work) {
        try {
            return Outcome.success(work.call());
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return Outcome.failure(describe(e));
        }
    }

    /** A fault as one line; errors, which rarely carry a message, are named by their class. */
    public static String describe(Throwable fault) {
        String line = fault instanceof StackOverflowError ? "StackOverflowError: too deep a recursion"
                : fault instanceof Error
                ? fault.getClass().getSimpleName() + (fault.getMessage() == null ? "" : ": " + OneLine.of(fault))
                : OneLine.of(fault);
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }
}
