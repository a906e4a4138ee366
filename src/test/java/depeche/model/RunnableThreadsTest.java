package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Counting other processes' runnable threads, at start and while a run goes on. */
class RunnableThreadsTest {

    @Test
    void twoBusyProcessesAreSeenAsOthersRunnable() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/loadavg")), "Linux only");
        List<Process> busy = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                busy.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            for (Process process : busy) {
                awaitRunning(process);
            }
            // On a 2-core machine one reading can miss a spinner (this JVM's compiler threads take a core between
            // the two counts): the busy processes must be seen within a few seconds, not in the first 50 ms.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            int seen = RunnableThreads.othersRunnable();
            while (seen < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                seen = RunnableThreads.othersRunnable();
            }
            assertThat(seen).isGreaterThanOrEqualTo(2);
        } finally {
            busy.forEach(Process::destroyForcibly);
        }
    }

    /** Waits until the shell has used CPU time (field 14 of /proc/PID/stat, after the name's closing ')'). */
    private static void awaitRunning(Process process) throws Exception {
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(stat);
            String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
            if (Long.parseLong(fields[11]) > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the busy shell " + process.pid() + " never ran");
    }

    /**
     * This process's own busy threads (the engine starting on one while the tokenizer loads on another) are not
     * other processes: they are counted as its own and left out of {@link RunnableThreads#othersRunnable()}.
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
            assertThat(RunnableThreads.ownRunnable()).isGreaterThanOrEqualTo(3); // two spinners and the asking thread
        } finally {
            spin.set(false);
            for (Thread t : spinners) {
                t.join();
            }
        }
    }

    @Test
    void theWatchFollowsALoadThatStaysAndIgnoresOneThatFlickers() {
        RunnableThreads.Watch watch = new RunnableThreads.Watch(0);

        watch.add(2);
        assertThat(watch.othersRunnable()).as("one busy reading in five").isZero();
        watch.add(0);
        watch.add(2);
        watch.add(2);
        assertThat(watch.othersRunnable()).as("three of the last five").isEqualTo(2);
        for (int i = 0; i < 3; i++) {
            watch.add(0);
        }
        assertThat(watch.othersRunnable()).as("the neighbours ended").isZero();
    }

    @Test
    void aWatchStartsAtOnceAndItsFirstAnswerWaitsForItsFirstReadings() throws Exception {
        CountDownLatch readingsAllowed = new CountDownLatch(1);
        long before = System.nanoTime();
        RunnableThreads.Watch watch = RunnableThreads.Watch.start(() -> {
            try {
                readingsAllowed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 3;
        });
        assertThat(System.nanoTime() - before).as("start returns without the readings").isLessThan(500_000_000L);
        CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(watch::othersRunnable);
        Thread.sleep(100);
        assertThat(answer).as("no answer before the first readings").isNotDone();
        readingsAllowed.countDown();
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo(3);
    }
}
