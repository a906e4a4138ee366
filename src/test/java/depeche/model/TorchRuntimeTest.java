package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** The native environment defaults {@link TorchRuntime} sets before libtorch loads, and that a user's value wins. */
class TorchRuntimeTest {

    @Test
    void aDefaultReachesNativeCodeWhenTheUserSetNothing() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "glibc setenv/getenv");
        String name = "DEPECHE_TEST_DEFAULT_" + ProcessHandle.current().pid();

        TorchRuntime.setDefaultEnvironment(name, "1");

        assertThat(TorchRuntime.nativeEnvironment(name)).isEqualTo("1");
    }

    @Test
    void aValueTheUserSetIsKept() {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "glibc setenv/getenv");
        String userSet = System.getenv().keySet().stream().filter(k -> k.equals("PATH") || k.equals("HOME"))
                .findFirst().orElseThrow();
        String before = System.getenv(userSet);

        TorchRuntime.setDefaultEnvironment(userSet, "/nowhere");

        assertThat(TorchRuntime.nativeEnvironment(userSet)).isEqualTo(before);
    }

    @Test
    void theDefaultLeavesTheCoresOtherProcessesRunOnAndKeepsOneThread() {
        assertThat(TorchRuntime.defaultThreads(2, 0)).isEqualTo(2);
        assertThat(TorchRuntime.defaultThreads(2, 1)).isEqualTo(1);
        assertThat(TorchRuntime.defaultThreads(2, 2)).isEqualTo(1);
        assertThat(TorchRuntime.defaultThreads(2, 7)).isEqualTo(1);
        assertThat(TorchRuntime.defaultThreads(8, 3)).isEqualTo(5);
    }

    @Test
    void smallWorkRunsOnOneThreadAndTheThreadCountComesBack() {
        TorchRuntime.useThreads(2);
        try {
            TorchRuntime.start();

            int inside = TorchRuntime.onOneThread(JniUtils::getNumThreads);

            assertThat(inside).isEqualTo(1);
            assertThat(JniUtils.getNumThreads()).isEqualTo(2);
        } finally {
            TorchRuntime.useThreads(null);
        }
    }

    /**
     * A command asks for its threads while the engine loads on another thread (start() holds the runtime's lock
     * for the 0.6 s libtorch takes): asking must not wait for the load, or the command reads its config and
     * tokenizer only after it.
     */
    @Test
    void askingForThreadsDoesNotWaitForAStartInProgress() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread starting = new Thread(() -> {
            synchronized (TorchRuntime.class) {
                held.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        starting.start();
        held.await();
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(2), () -> TorchRuntime.useThreads(null));
        } finally {
            release.countDown();
            starting.join();
        }
    }
}
