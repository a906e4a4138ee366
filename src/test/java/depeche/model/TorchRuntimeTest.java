package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
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
    void twoBusyProcessesAreSeenAsOthersRunnable() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/loadavg")), "Linux only");
        List<Process> busy = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            Thread.sleep(100);
            assertThat(TorchRuntime.othersRunnable()).isGreaterThanOrEqualTo(2);
        } finally {
            busy.forEach(Process::destroyForcibly);
        }
    }

    /**
     * This process's own busy threads (the engine starting on one while the tokenizer loads on another) are not
     * other processes: they are counted as its own and left out of {@link TorchRuntime#othersRunnable()}.
     */
    @Test
    void ownBusyThreadsCountAsOwnNotOthers() throws InterruptedException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/task")), "Linux only");
        AtomicBoolean spin = new AtomicBoolean(true);
        List<Thread> spinners = IntStream.range(0, 2).mapToObj(i -> new Thread(() -> {
            while (spin.get()) {
                Thread.onSpinWait();
            }
        })).toList();
        spinners.forEach(Thread::start);
        try {
            Thread.sleep(50);
            assertThat(TorchRuntime.ownRunnable()).isGreaterThanOrEqualTo(3); // two spinners and the asking thread
        } finally {
            spin.set(false);
            for (Thread t : spinners) {
                t.join();
            }
        }
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
}
