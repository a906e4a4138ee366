package depeche.model;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.IOException;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.TimeZone;

/**
 * What has to happen before libtorch loads on a thread of its own, so that the command's thread is not stopped
 * while it loads.
 *
 * <p>glibc holds one lock for the whole of a {@code dlopen}, the library's static initialisers included: for
 * libtorch_cpu.so (440 MB, thousands of operators registered) 0.4-0.6 s. Any other thread that needs the dynamic
 * loader meanwhile waits for it: {@code System.load} of a tokenizer's library, and the first call of any JNI
 * method, which the JVM looks up with {@code dlsym}. A JVM thread waiting there waits "in the VM", where it holds
 * up every safepoint and handshake, so all Java threads stop too: measured on a one-sentence {@code translate},
 * the Reference Handler linking its native method after the first garbage collection (it has nothing to do
 * before) stopped the command's thread for 0.29-0.37 s, and then loading SentencePiece's library stopped it again.
 * Done first, these take a few milliseconds; the command's thread then reads the model's files while libtorch
 * loads, instead of waiting for it.
 */
final class DynamicLoaderLock {
    /** Far more than a young collection needs to begin (the young generation starts at a few tens of MB). */
    private static final int MAX_ALLOCATED_MB = 512;

    private DynamicLoaderLock() {
    }

    /** Runs {@code libraries}, which loads native libraries before libtorch does, leaving a failure to their use. */
    static void loadFirst(Runnable libraries) {
        try {
            libraries.run();
        } catch (RuntimeException | LinkageError e) {
            // Whoever uses the library later loads it again, and reports the failure.
        }
    }

    /**
     * Links the JDK's native methods that a command's thread calls for the first time while libtorch loads, by
     * calling each once: reading annotations and arrays by reflection (picocli reads every option's), the console's
     * (is standard error a terminal?), the time zone's (Jackson reads it), the positional file read (a safetensors
     * header), the canonical path and the file mapping (the weights). Found with {@code -Xlog:jni+resolve=debug}:
     * before this, the thread stopped at the first of them, in 6 runs out of 6, until libtorch had loaded. Takes a
     * millisecond or two.
     */
    @Read(text = "an annotation with a string and a number, as picocli's", number = 1)
    static void linkCommandNatives() {
        try {
            DynamicLoaderLock.class.getDeclaredMethod("linkCommandNatives").getAnnotation(Read.class).number();
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
        Array.getLength(new int[0]);
        System.console();
        TimeZone.getDefault();
        try (FileChannel file = FileChannel.open(Path.of("/proc/self/exe"), StandardOpenOption.READ)) {
            file.read(ByteBuffer.allocate(1), 0);
            file.map(FileChannel.MapMode.READ_ONLY, 0, 1);
            Path.of(".").toRealPath();
        } catch (IOException | RuntimeException e) {
            // Not Linux, or not readable: nothing to prepare for.
        }
    }

    /** An annotation for {@link #linkCommandNatives()} to read. */
    @Retention(RetentionPolicy.RUNTIME)
    private @interface Read {
        String text();

        int number();
    }

    /** The C library, through JNA, for what Java cannot do itself (environment variables, malloc settings). */
    static NativeLibrary libc() {
        JnaSetup.configure();
        return NativeLibrary.getInstance(Platform.C_LIBRARY_NAME);
    }

    /**
     * Has a young collection clear a weak reference and waits until the Reference Handler has queued it: by then
     * the handler has called (and so linked) the native method it uses after every collection. Allocating short-lived
     * arrays until the referent is gone takes 40-80 ms and one young pause, which the JVM would soon make anyway.
     */
    static void linkReferenceHandler() {
        ReferenceQueue<Object> queue = new ReferenceQueue<>();
        WeakReference<Object> reference = new WeakReference<>(new Object(), queue);
        long sink = 0;
        for (int mb = 0; mb < MAX_ALLOCATED_MB && reference.get() != null; mb++) {
            byte[][] garbage = new byte[64][];
            for (int i = 0; i < garbage.length; i++) {
                garbage[i] = new byte[16 << 10];
            }
            sink += garbage[mb % garbage.length].length;
        }
        try {
            queue.remove(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sink < 0) {
            throw new AssertionError(); // keeps the allocations from being optimised away
        }
    }
}
