package depeche.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OutcomeTest {
    @Test
    void aSuccessHasAValueAndNoError() {
        Outcome<String> ok = Outcome.success("x");
        assertThat(ok.value()).contains("x");
        assertThat(ok.error()).isEmpty();
        assertThat(ok.map(String::length).value()).contains(1);
        assertThat(ok.within("part 1: ")).isSameAs(ok);
    }

    @Test
    void aFailureKeepsItsReasonThroughMapAndGainsWhereItHappened() {
        Outcome<String> failed = Outcome.failure("out of memory");
        assertThat(failed.value()).isEmpty();
        assertThat(failed.map(String::length).error()).contains("out of memory");
        assertThat(failed.within("part 2 of 3: ").error()).contains("part 2 of 3: out of memory");
    }

    @Test
    void aFailureMustSayWhy() {
        assertThatThrownBy(() -> Outcome.failure(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Outcome.success(null)).isInstanceOf(NullPointerException.class);
    }
}
