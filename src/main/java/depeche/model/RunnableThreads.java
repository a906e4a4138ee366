package depeche.model;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * How many threads of other processes are running or waiting for a core, from Linux's /proc: the machine's
 * runnable count (the fourth field of /proc/loadavg, "runnable/total") less this process's own runnable threads
 * (state R in /proc/self/task/N/stat). The engine sizes its thread pool from it ({@link TorchRuntime}).
 *
 * <p>Single readings are noisy (threads wake and sleep between the two counts; the JVM's compiler threads come
 * and go), so callers take the median of several. Where /proc cannot be read (not Linux), every reading is 0.
 */
final class RunnableThreads {
    /** Readings of {@link Watch} are this far apart. */
    static final long WATCH_INTERVAL_MS = 250;
    private static final int READINGS = 5;
    private static volatile Watch watch;

    private RunnableThreads() {
    }

    /** The median of five readings 10 ms apart: for a decision made once, at start. */
    static int othersRunnable() {
        int[] readings = new int[READINGS];
        for (int reading = 0; reading < readings.length; reading++) {
            if (reading > 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return 0;
                }
            }
            readings[reading] = othersNow();
        }
        return median(readings);
    }

    /**
     * The watch that keeps reading in the background (started on first use), so that a long run can follow load
     * that comes and goes without waiting for readings. Its first readings are taken on its own thread: the engine
     * starts the watch before libtorch loads, and the first {@link Watch#othersRunnable()} after it (the engine's
     * thread count) then finds them done instead of taking 40 ms for them.
     */
    static Watch watch() {
        Watch current = watch;
        if (current == null) {
            synchronized (RunnableThreads.class) {
                if (watch == null) {
                    watch = Watch.start(RunnableThreads::othersRunnable);
                }
                current = watch;
            }
        }
        return current;
    }

    /**
     * One reading: the machine's runnable threads less this process's, counted just before and just after (the
     * larger count), never below 0.
     */
    static int othersNow() {
        try {
            int ownBefore = ownRunnable();
            byte[] loadavg = new byte[128];
            int length = readStart(new File("/proc/loadavg"), loadavg);
            // "0.52 0.58 0.59 3/467 12345": the fourth field's numerator
            int field = 0;
            int runnable = 0;
            for (int i = 0; i < length && field <= 3; i++) {
                byte b = loadavg[i];
                if (b == ' ') {
                    field++;
                } else if (field == 3) {
                    if (b == '/') {
                        break;
                    }
                    runnable = runnable * 10 + (b - '0');
                }
            }
            return Math.max(0, runnable - Math.max(ownBefore, ownRunnable()));
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * This process's threads that are running or ready to run, at least 1: the thread asking. Read with plain
     * streams into one small buffer: a reading is some 30 files, taken every 250 ms, and {@code Files.readString}
     * with its channels, strings and directory streams cost 3-5 ms a reading (60 ms the first), on a core the
     * start-up needs.
     */
    static int ownRunnable() {
        String[] tasks = new File("/proc/self/task").list();
        if (tasks == null) {
            return 1;
        }
        byte[] stat = new byte[128];
        int runnable = 0;
        for (String task : tasks) {
            try {
                int length = readStart(new File("/proc/self/task/" + task + "/stat"), stat);
                // "pid (name) S ...": the name (at most 15 bytes) may hold spaces and parentheses; the state
                // follows the last ')'.
                int end = length - 1;
                while (end >= 0 && stat[end] != ')') {
                    end--;
                }
                if (end >= 0 && end + 2 < length && stat[end + 2] == 'R') {
                    runnable++;
                }
            } catch (IOException e) {
                // the thread ended while we looked
            }
        }
        return Math.max(1, runnable);
    }

    /** Reads the start of {@code file} into {@code buffer}: how many bytes were read. */
    private static int readStart(File file, byte[] buffer) throws IOException {
        try (FileInputStream in = new FileInputStream(file)) {
            return Math.max(0, in.read(buffer));
        }
    }

    static int median(int[] readings) {
        int[] sorted = readings.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /**
     * A daemon thread reading every {@link #WATCH_INTERVAL_MS} ms and keeping the last five readings: a load that
     * starts or stops is followed within about a second, a thread that runs for one reading is not.
     */
    static final class Watch {
        private final int[] readings = new int[READINGS];
        private final CountDownLatch seeded = new CountDownLatch(1);
        private int next;

        Watch(int first) {
            seed(first);
        }

        private Watch() {
        }

        /** A watch whose thread starts from {@code first} (the median of a few readings), then reads every interval. */
        static Watch start(IntSupplier first) {
            Watch watch = new Watch();
            Thread reader = new Thread(() -> {
                watch.seed(first.getAsInt());
                watch.readForever();
            }, "depeche-load-watch");
            reader.setDaemon(true);
            reader.start();
            return watch;
        }

        private synchronized void seed(int first) {
            Arrays.fill(readings, first);
            seeded.countDown();
        }

        /** The median of the last five readings (waiting for the first ones, if they are still being taken). */
        int othersRunnable() {
            try {
                seeded.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (this) {
                return median(readings);
            }
        }

        synchronized void add(int reading) {
            readings[next] = reading;
            next = (next + 1) % readings.length;
        }

        private void readForever() {
            while (true) {
                try {
                    Thread.sleep(WATCH_INTERVAL_MS);
                } catch (InterruptedException e) {
                    return;
                }
                add(othersNow());
            }
        }
    }
}
