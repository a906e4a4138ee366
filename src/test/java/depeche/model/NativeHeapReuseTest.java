package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** glibc accepts the allocator settings that keep a decoding step's freed memory for the next. */
class NativeHeapReuseTest {

    @Test
    void glibcAcceptsEverySetting() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "glibc's mallopt");

        assertThat(NativeHeapReuse.apply()).isTrue();
    }
}
