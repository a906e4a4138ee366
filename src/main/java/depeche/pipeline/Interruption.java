package depeche.pipeline;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Ctrl-C (SIGINT) or SIGTERM in the middle of a run: the JVM runs its shutdown hooks, and this one reports what the
 * run has done so far (through {@code onStop}), so that an interrupted night still leaves its report. The work
 * that writes files goes through {@link #exclusive}: the hook waits for the articles being written (those already
 * translated) to be complete, and no file is begun after it, so no file is ever half-written and no finished
 * translation is lost. The JVM then exits with the signal's status (130 for SIGINT, 143 for SIGTERM).
 */
final class Interruption implements AutoCloseable {
    /** How long the hook waits for the files being written; writing a chunk's files takes far less. */
    private static final long WAIT_FOR_WRITE_SECONDS = 30;

    /** Work that writes files. */
    @FunctionalInterface
    interface Writing<T> {
        T call() throws IOException;
    }

    private final ReentrantLock writing = new ReentrantLock();
    private final Thread hook;
    private volatile boolean stopped;
    private volatile boolean finished;

    private Interruption(Runnable onStop) {
        this.hook = new Thread(() -> stop(onStop), "depeche-interrupted");
    }

    /** Watches for the signals that end the JVM until {@link #close}d; {@code onStop} reports the run. */
    static Interruption watch(Runnable onStop) {
        Interruption interruption = new Interruption(onStop);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /**
     * Runs {@code work}, which writes files, unless the run was interrupted: then the hook reports the run, and
     * the calling thread waits for the JVM to exit. The hook waits until {@code work} is done.
     */
    <T> T exclusive(Writing<T> work) throws IOException {
        writing.lock();
        try {
            if (stopped) {
                waitForTheEnd();
            }
            return work.call();
        } finally {
            writing.unlock();
        }
    }

    /** Like {@link #exclusive}, for the work that ends the run (its report): the hook has nothing left to do. */
    <T> T last(Writing<T> work) throws IOException {
        return exclusive(() -> {
            T result = work.call();
            finished = true;
            return result;
        });
    }

    private void stop(Runnable onStop) {
        stopped = true;
        boolean locked = false;
        try {
            locked = writing.tryLock(WAIT_FOR_WRITE_SECONDS, TimeUnit.SECONDS);
            if (!finished) {
                onStop.run();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (locked) {
                writing.unlock();
            }
        }
    }

    /** The JVM is shutting down and ends this thread when the hook is done; nothing more may be written. */
    private static void waitForTheEnd() {
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // still nothing to do but wait
            }
        }
    }

    /** Stops watching: the run ended by itself. */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: it reports the run
        }
    }
}
