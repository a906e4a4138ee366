package depeche.model;


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

    private NativeHeapReuse() {
    }

    /** @return whether every setting not left to the environment was accepted */
    static boolean apply() {
        if (!System.getProperty("os.name", "").toLowerCase().startsWith("linux")) {
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

    private static boolean set(int parameter, int value, String environment) {
        if (System.getenv(environment) != null) {
            return true;
        }
        return DynamicLoaderLock.libc().getFunction("mallopt").invokeInt(new Object[] {parameter, value}) == 1;
    }
}
