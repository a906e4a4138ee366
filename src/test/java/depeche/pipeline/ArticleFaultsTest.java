package depeche.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.Outcome;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ArticleFaultsTest {
    /** Recursion without end, as a parser or renderer meets it on input nested too deeply. */
    static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    /** An allocation larger than any heap: the JVM refuses it at once, as it would a tensor too large. */
    static long[] allocateTooMuch() {
        return new long[Integer.MAX_VALUE];
    }

    @Test
    void exceptionsStackOverflowsAndAllocationsTooLargeBecomeTheArticlesOneLineError() {
        assertThat(ArticleFaults.attempt(() -> recurse(0)).error()).hasValue("StackOverflowError: too deep a recursion");
        assertThat(ArticleFaults.attempt(ArticleFaultsTest::allocateTooMuch).error())
                .hasValue("OutOfMemoryError: Requested array size exceeds VM limit");
        assertThat(ArticleFaults.attempt(() -> {
            throw new IOException("disk full\n  while writing x.md");
        }).error()).hasValue("disk full while writing x.md");
        assertThat(ArticleFaults.attempt(() -> "ok")).isEqualTo(Outcome.success("ok"));
    }

    @Test
    void errorsThatSayTheJvmIsBrokenAreNoArticlesFaultAndStopTheRun() {
        assertThatThrownBy(() -> ArticleFaults.attempt(() -> {
            throw new NoClassDefFoundError("ai/djl/Model");
        })).isInstanceOf(NoClassDefFoundError.class);
        assertThatThrownBy(() -> ArticleFaults.attempt(() -> {
            throw new InternalError("bad");
        })).isInstanceOf(InternalError.class);
    }

    @Test
    void aMessageQuotingAWholeParagraphIsCut() {
        String error = ArticleFaults.attempt(() -> {
            throw new IllegalArgumentException("cannot split '" + "x".repeat(10_000) + "'");
        }).error().orElseThrow();
        assertThat(error).hasSize(401).startsWith("cannot split 'xxx").endsWith("x…");
    }
}
