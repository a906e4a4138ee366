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

    /**
     * The block is allocated from the thread's arena and its pages mapped in one call (madvise fails on a range
     * that is not mapped memory of the process).
     */
    @Test
    void aPrefaultedBlockIsMappedInOneCall() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "glibc and madvise");
        NativeHeapReuse.apply();
        boolean[] mapped = new boolean[1];
        Thread thread = new Thread(() -> mapped[0] = NativeHeapReuse.prefault(24L << 20));
        thread.start();
        thread.join();
        assertThat(mapped[0]).isTrue();
        assertThat(NativeHeapReuse.prefault(0)).as("nothing to map").isFalse();
    }
}
