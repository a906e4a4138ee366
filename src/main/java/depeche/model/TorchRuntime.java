package depeche.model;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The process-wide settings of the native engine, made before libtorch loads, because its thread pools read them
 * only then.
 *
 * <ul>
 *   <li><b>Waiting threads sleep.</b> OpenMP's workers otherwise spin at every barrier, and on a machine whose
 *   cores are busy with other work a spinning worker keeps its descheduled partner from running: the seed article
 *   took 44 s instead of 1.9 s with two threads beside other processes. {@code OMP_WAIT_POLICY=PASSIVE} (unless
 *   the environment sets it) makes them block instead.</li>
 *   <li><b>Huge pages for large arrays.</b> {@code THP_MEM_ALLOC_ENABLE=1} (unless the environment sets it) makes
 *   libtorch's allocator align arrays of 2 MB and more to 2 MB and ask for transparent huge pages
 *   ({@code madvise}): on the VMs measured a fresh page costs 10-16 µs to fault in, so a fresh 122 MB array (the
 *   vocabulary table's copy at load) took 295-338 ms to fill, 86-174 ms with huge pages.</li>
 *   <li><b>Freed memory is reused</b> ({@link NativeHeapReuse}): a decoding step's arrays come from memory the
 *   previous step freed, not from fresh pages.</li>
 *   <li><b>MKL's fast kernels on AMD processors</b> ({@link MklOnAmd}): its generic path re-packs every weight
 *   matrix on every product; its fast one takes 0.5-0.6x the time per product on the AMD EPYC measured.</li>
 *   <li><b>Threads.</b> {@link #useThreads} (the {@code --threads} option) sets how many threads the
 *   operations and matrix products use; by default, one per available core that other processes are not
 *   running on when the engine starts, at least one (libtorch's own default counts physical cores, which a
 *   container's CPU limit does not change, nor does it see a busy server); re-read as a run goes
 *   ({@link #followLoad}), and on a busy machine a call is split into independent parts
 *   ({@link #independentParts}).</li>
 * </ul>
 *
 * <p>{@link Seq2SeqModel#load} calls {@link #start()}, so every model runs with these settings; a process that
 * loaded the engine before (a test) keeps what it had, except for the thread count.
 */
public final class TorchRuntime {
    private static volatile Integer requestedThreads;
    private static volatile boolean started;
    private static volatile Thread backgroundStart;
    private static final Object BACKGROUND_START_LOCK = new Object();
    /** Whether this thread runs one part of a split call, with its operations on one thread. */
    private static final ThreadLocal<Boolean> ON_A_PART = ThreadLocal.withInitial(() -> false);

    private TorchRuntime() {
    }

    /**
     * Asks for {@code threads} threads (null: one per available core). Takes effect now when the engine runs,
     * else when it starts. Never waits for a start in progress on another thread ({@link #start()} holds the
     * lock while libtorch loads, and reads the request after).
     *
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public static void useThreads(Integer threads) {
        if (threads != null && threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        requestedThreads = threads;
        if (started) {
            applyThreads();
        }
    }

    /** Starts the engine with these settings, once; later calls return at once. */
    public static void start() {
        start(null);
    }

    /**
     * {@link #start()}, where libtorch, when it is still to load, waits for {@code othersReady} (the command's
     * thread's part of {@link #startInBackground(Runnable)}) before it does.
     */
    private static synchronized void start(CountDownLatch othersReady) {
        if (started) {
            return;
        }
        boolean fresh = !libtorchLoaded();
        if (fresh) {
            setDefaultEnvironment("OMP_WAIT_POLICY", "PASSIVE");
            setDefaultEnvironment("THP_MEM_ALLOC_ENABLE", "1");
            MklOnAmd.apply();
            if (NativeHeapReuse.apply()) {
                NativeHeapReuse.prefault(NativeHeapReuse.LIBTORCH_START_BYTES);
            }
        }
        RunnableThreads.watch(); // its first readings (40 ms) are taken while libtorch loads
        if (fresh && othersReady != null) {
            try {
                othersReady.await(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Engine.getEngine("PyTorch");
        started = true;
        applyThreads();
    }

    /**
     * Starts the engine on a thread of its own and returns at once, so that loading libtorch (0.6 s) overlaps
     * what a command does before it needs the engine: reading the config, the tokenizer and the input.
     * {@link #start()} waits for it; a failure is reported there, by the caller's own start. Once per process:
     * a later call (the command's own, after {@code Main} began the start) returns at once.
     */
    public static void startInBackground() {
        startInBackground(() -> { });
    }

    /**
     * Like {@link #startInBackground()}. Meanwhile the calling thread links the native methods it will call while
     * libtorch loads, has the Reference Handler link its own, and runs {@code loadFirst}, which loads the other
     * native libraries the command will use (its tokenizer's); libtorch loads once that is done. Each would
     * otherwise wait for libtorch to load, and the Reference Handler would stop every thread meanwhile
     * ({@link DynamicLoaderLock}). The caller's part (80-140 ms) runs beside the other thread's set-up before
     * libtorch (JNA, {@link MklOnAmd}, {@link NativeHeapReuse}, DJL's search for the library: 150-200 ms).
     */
    public static void startInBackground(Runnable loadFirst) {
        CountDownLatch othersReady = new CountDownLatch(1);
        synchronized (BACKGROUND_START_LOCK) { // not the class's lock, which start() holds while libtorch loads
            if (started || backgroundStart != null) {
                return;
            }
            Thread starter = new Thread(new Runnable() { // not a lambda: see Main.main
                @Override
                public void run() {
                    try {
                        start(othersReady);
                    } catch (RuntimeException | LinkageError e) {
                        // The caller's start() tries again and reports it.
                    }
                }
            }, "depeche-engine-start");
            starter.setDaemon(true);
            starter.start();
            backgroundStart = starter;
        }
        DynamicLoaderLock.linkCommandNatives();
        DynamicLoaderLock.linkReferenceHandler();
        DynamicLoaderLock.loadFirst(loadFirst);
        othersReady.countDown();
    }

    /**
     * Waits for a start begun by {@link #startInBackground()} to finish. Call before the process exits: exiting
     * while libtorch's static initialisers run on the other thread could crash the process on its way out.
     */
    public static void awaitBackgroundStart() {
        Thread starter = backgroundStart;
        if (starter == null) {
            return;
        }
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Follows the load of the machine when no thread count was asked for: sets the threads to the cores that
     * other processes are not busy on now (the median of readings over the last second or so, see
     * {@link RunnableThreads.Watch}). Generation calls it before each call, so a nightly run that a neighbour
     * starts competing with halfway gives up the core it would only wait for, and takes it back when the
     * neighbour ends. Does nothing before the engine starts or when {@code --threads} was given.
     */
    public static void followLoad() {
        if (requestedThreads != null || !started || ON_A_PART.get()) {
            return;
        }
        int threads = threadsForLoad();
        if (threads != JniUtils.getNumThreads()) {
            JniUtils.setNumThreads(threads);
        }
    }

    /**
     * Into how many parts, each run on a thread of its own with one thread for its operations, a call with inputs
     * enough for {@code maxParts} is best split: 1 (one part, threads as {@link #followLoad} sets them) unless other
     * processes have left fewer cores than two threads would need, and then one part per core. Why: beside two
     * CPU-bound processes on two cores, a thread gets a third of the machine; two threads of one operation each get
     * a quarter but wait for each other at every operation (3.1-3.6x their idle time, bench README), while two
     * independent parts each get a quarter and never wait: half the machine instead of a third. Always 1 when
     * {@code --threads} was given.
     */
    public static int independentParts(int maxParts) {
        if (requestedThreads != null || !started || maxParts < 2 || ON_A_PART.get()) {
            return 1;
        }
        return threadsForLoad() > 1 ? 1 : Math.min(maxParts, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code work} as one part of a split call ({@link #independentParts}): on this thread alone, whatever the
     * load does meanwhile (the parts together are sized to the cores).
     */
    public static <T> T asOnePart(Supplier<T> work) {
        ON_A_PART.set(true);
        try {
            return onOneThread(work);
        } finally {
            ON_A_PART.set(false);
        }
    }

    /**
     * Runs {@code work} with the engine's operations on the calling thread alone, then restores the thread count.
     * For steps too small to share: a decoding step of one sentence's four beams multiplies four rows by each
     * weight matrix, and handing each product to a second thread (waking it, waiting at the barrier) costs more
     * than the half it takes over (see {@link Decoder}).
     */
    static <T> T onOneThread(Supplier<T> work) {
        int threads = JniUtils.getNumThreads();
        if (threads == 1) {
            return work.get();
        }
        JniUtils.setNumThreads(1);
        try {
            return work.get();
        } finally {
            JniUtils.setNumThreads(threads);
        }
    }

    /** The intra-op threads in use (starts the engine). */
    public static synchronized int threads() {
        start();
        return JniUtils.getNumThreads();
    }

    private static void applyThreads() {
        JniUtils.setNumThreads(requestedThreads != null ? requestedThreads : threadsForLoad());
    }

    /** The default thread count for the load now: the watch's median reading ({@link RunnableThreads.Watch}). */
    private static int threadsForLoad() {
        return defaultThreads(Runtime.getRuntime().availableProcessors(), RunnableThreads.watch().othersRunnable());
    }

    /**
     * The default thread count: the cores other processes are not running on when the engine starts, at least
     * one. Two threads beside two CPU-bound processes on two cores took 3.1x their time alone, one thread 1.47x
     * (bench README): a thread that has no core of its own only waits for its partner.
     */
    static int defaultThreads(int cores, int othersRunnable) {
        return Math.max(1, Math.min(cores, cores - othersRunnable));
    }

    /**
     * Has the process's exit skip libtorch's C++ static destructors, which take 0.11-0.12 s (tearing down
     * thousands of registered operators) between the JVM's last act and the process's end: glibc's exit runs
     * the handlers registered last first, and {@code _exit} registered now with {@code on_exit} ends the process
     * there, with the same status. Java's shutdown hooks and the JVM's own exit steps all run before, as they
     * would; only native clean-up that the kernel does anyway (memory, threads, file descriptors) is left to it.
     * Call just before {@code System.exit}; nothing happens when libtorch was not loaded, or off glibc.
     */
    public static void skipNativeTeardownAtExit() {
        if (!started) {
            return;
        }
        try {
            NativeLibrary libc = DynamicLoaderLock.libc();
            libc.getFunction("on_exit").invokeInt(new Object[] {libc.getFunction("_exit"), null});
        } catch (RuntimeException | LinkageError e) {
            // Not glibc: the usual exit, 0.1 s longer.
        }
    }

    /** Sets an environment variable of this process for native code, unless the user set it. */
    static void setDefaultEnvironment(String name, String value) {
        if (System.getenv(name) == null) {
            DynamicLoaderLock.libc().getFunction("setenv").invokeInt(new Object[] {name, value, 0});
        }
    }

    /** The process's environment variable as native code sees it ({@link System#getenv} is a copy from start-up). */
    static String nativeEnvironment(String name) {
        return DynamicLoaderLock.libc().getFunction("getenv").invokeString(new Object[] {name}, false);
    }

    private static boolean libtorchLoaded() {
        try {
            return Files.readString(Path.of("/proc/self/maps")).contains("libtorch_cpu");
        } catch (IOException | RuntimeException e) {
            return false; // not Linux: nothing to find out, and nothing set here applies anyway
        }
    }
}
