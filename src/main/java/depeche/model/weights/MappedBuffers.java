package depeche.model.weights;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * What Java does not do for memory mappings: advise the kernel ({@link #adviseHugePages}), and unmap one at once,
 * through {@code sun.misc.Unsafe.invokeCleaner} (the JDK's supported way since 9, in the jdk.unsupported module;
 * what Lucene does). Java otherwise unmaps only when the buffer is collected. The caller guarantees that nothing
 * reads the buffer afterwards: a read would crash the process.
 */
final class MappedBuffers {
    /** From Linux's {@code <asm-generic/mman-common.h>}. */
    private static final int MADV_HUGEPAGE = 14;
    private static final boolean LINUX = System.getProperty("os.name", "").startsWith("Linux");
    private static final Object UNSAFE;
    private static final Method INVOKE_CLEANER;

    static {
        Object unsafe = null;
        Method invokeCleaner = null;
        try {
            Class<?> type = Class.forName("sun.misc.Unsafe");
            Field field = type.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            unsafe = field.get(null);
            invokeCleaner = type.getMethod("invokeCleaner", ByteBuffer.class);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Without it, mappings are released by the garbage collector, as before.
        }
        UNSAFE = unsafe;
        INVOKE_CLEANER = invokeCleaner;
    }

    private MappedBuffers() {
    }

    /**
     * Asks Linux to back {@code mapping} with huge pages ({@code madvise(MADV_HUGEPAGE)}), so that what the page
     * cache reads for it comes in 2 MB folios the kernel maps whole. Without it, the weights' pages that are read
     * back from disk mostly come in small folios, and decoding on them was 3-9 % slower than on libtorch's
     * memory. Does nothing elsewhere, or where the call fails: the mapping works either way.
     */
    static void adviseHugePages(MappedByteBuffer mapping) {
        if (!LINUX || mapping.capacity() == 0) {
            return;
        }
        try {
            NativeLibrary.getInstance("c").getFunction("madvise").invokeInt(new Object[] {
                Native.getDirectBufferPointer(mapping), (long) mapping.capacity(), MADV_HUGEPAGE});
        } catch (RuntimeException | LinkageError e) {
            // No huge pages: the arrays are read as they are.
        }
    }

    /** Unmaps {@code buffer} when it is a mapping of its own (not a slice or duplicate); else does nothing. */
    static void unmap(ByteBuffer buffer) {
        if (INVOKE_CLEANER == null || !(buffer instanceof MappedByteBuffer) || !buffer.isDirect()) {
            return;
        }
        try {
            INVOKE_CLEANER.invoke(UNSAFE, buffer);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A slice or a duplicate (IllegalArgumentException): left to the collector.
        }
    }
}
