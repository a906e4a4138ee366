package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The preparations made before libtorch loads beside other threads. */
class DynamicLoaderLockTest {

    @Test
    void theLibrariesToLoadFirstAreLoadedAndTheirFailuresLeftToTheirUse() {
        AtomicInteger ran = new AtomicInteger();
        DynamicLoaderLock.loadFirst(ran::incrementAndGet);
        DynamicLoaderLock.loadFirst(() -> {
            ran.incrementAndGet();
            throw new UnsatisfiedLinkError("no libtokenizers.so here");
        });
        DynamicLoaderLock.loadFirst(() -> {
            ran.incrementAndGet();
            throw new IllegalStateException("extraction failed");
        });
        assertThat(ran).hasValue(3);
    }

    @Test
    void jnaIsToldNotToSearchTheLibraryFoldersAndStillFindsTheCLibrary() {
        DynamicLoaderLock.libc();
        assertThat(System.getProperty("jna.platform.library.path")).isNotNull();
        assertThat(DynamicLoaderLock.libc().getFunction("getpid").invokeInt(new Object[0]))
                .isEqualTo((int) ProcessHandle.current().pid());
    }
}
