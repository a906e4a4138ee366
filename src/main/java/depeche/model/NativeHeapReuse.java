package depeche.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;


/**
 * Keeps the memory a decoding step frees in the process for the next step, instead of handing it back to the
 * kernel and faulting it in again.
 *
 * <p>Every step allocates its intermediate arrays afresh (at 32 rows: the logits, 7.6 MB, the feed-forward
 * activations, hundreds of smaller ones) and frees them when the step ends. glibc's malloc returns the top of its
 * heap to the kernel once more than 128 KB of it is free, and serves arrays of a few MB by {@code mmap} and
 * {@code munmap}; either way the next step touches fresh pages, which on the VMs measured cost 10-16 µs each to
 * fault in. With the settings here (freed memory kept up to 512 MB; arrays up to 32 MB, the logits of 134 rows,
 * taken from the heap) the seed workload in one call made 6,000 page faults instead of 37,000-55,000 and ran at 143
 * and 159 target tokens/s instead of 138 and 122 (3 December, `depeche bench`, alternating). The memory kept is
 * what the largest step needed, reused by the next: a run's peak, not growth.
 *
 * <p>Set through {@code mallopt}, so they apply from now on to the whole process; a setting the environment
 * already gives ({@code MALLOC_TRIM_THRESHOLD_}, {@code MALLOC_TOP_PAD_}, {@code MALLOC_MMAP_THRESHOLD_}) is left
 * to it. Only on Linux with glibc; elsewhere nothing happens.
 */
final class NativeHeapReuse {
    static final int M_TRIM_THRESHOLD = -1;
    static final int M_TOP_PAD = -2;
    static final int M_MMAP_THRESHOLD = -3;
    static final int TRIM_THRESHOLD = 512 << 20;
    static final int TOP_PAD = 64 << 20;
    static final int MMAP_THRESHOLD = 32 << 20;
    static final int MADV_POPULATE_WRITE = 23;
    /** What libtorch's static initialisers allocate on the thread that loads it, about. */
    static final long LIBTORCH_START_BYTES = 56L << 20;
    private static final long PAGE = 4096;

    private NativeHeapReuse() {
    }

    /** @return whether every setting not left to the environment was accepted */
    static boolean apply() {
        if (!onLinux()) {
            return false;
        }
        try {
            return set(M_TRIM_THRESHOLD, TRIM_THRESHOLD, "MALLOC_TRIM_THRESHOLD_")
                    & set(M_TOP_PAD, TOP_PAD, "MALLOC_TOP_PAD_")
                    & set(M_MMAP_THRESHOLD, MMAP_THRESHOLD, "MALLOC_MMAP_THRESHOLD_");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false; // not glibc (musl has no mallopt): its allocator, its behaviour
        }
    }

    /**
     * Faults in {@code bytes} of the calling thread's malloc arena at once, for its coming allocations: a block
     * allocated in 1 MB pieces (each below the mmap threshold, so from the arena) and freed again stays in the arena
     * (the trim threshold above), and one {@code madvise(MADV_POPULATE_WRITE)} (Linux 5.14 and later) maps all its
     * pages, without the 5-10 µs exception each page's first write costs on these VMs. Called on the engine's
     * thread before libtorch loads: its static initialisers (thousands of operators registered) allocate some 50 MB
     * there, 13,000 page faults; with 56 MB faulted in first, `dlopen` took 0.46-0.50 s instead of 0.55-0.57 s and a
     * one-sentence `translate` 1.53 s instead of 1.63 s (medians of 8, alternating), peak RSS 524 MB instead of 518.
     * Does nothing off Linux or when the environment tunes malloc itself; a kernel without the call just leaves
     * the block to be faulted in as it is used.
     *
     * @return whether the pages were mapped
     */
    static boolean prefault(long bytes) {
        if (!onLinux() || System.getenv("MALLOC_TRIM_THRESHOLD_") != null) {
            return false;
        }
        try {
            NativeLibrary libc = DynamicLoaderLock.libc();
            Function malloc = libc.getFunction("malloc");
            Function free = libc.getFunction("free");
            int pieces = (int) (bytes >> 20);
            Pointer[] allocated = new Pointer[pieces];
            long low = Long.MAX_VALUE;
            long high = 0;
            for (int i = 0; i < pieces; i++) {
                allocated[i] = malloc.invokePointer(new Object[] {1L << 20});
                if (allocated[i] == null) {
                    pieces = i;
                    break;
                }
                long address = Pointer.nativeValue(allocated[i]);
                low = Math.min(low, address);
                high = Math.max(high, address + (1L << 20));
            }
            for (int i = pieces - 1; i >= 0; i--) {
                free.invokeVoid(new Object[] {allocated[i]});
            }
            long start = (low + PAGE - 1) & -PAGE;
            long length = (high - start) & -PAGE;
            return pieces > 0 && length > 0
                    && libc.getFunction("madvise").invokeInt(new Object[] {new Pointer(start), length,
                            MADV_POPULATE_WRITE}) == 0;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    private static boolean onLinux() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("linux");
    }

    private static boolean set(int parameter, int value, String environment) {
        if (System.getenv(environment) != null) {
            return true;
        }
        return DynamicLoaderLock.libc().getFunction("mallopt").invokeInt(new Object[] {parameter, value}) == 1;
    }
}
