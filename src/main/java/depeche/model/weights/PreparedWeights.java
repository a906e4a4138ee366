package depeche.model.weights;

import depeche.model.weights.PreparedWeightsFile.Entry;
import depeche.model.weights.PreparedWeightsFile.Source;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The arrays one load of a checkpoint derives from it (the column-major copies of {@code depeche.model.Linear},
 * float32 conversions of f16 and bf16 tensors), kept in a cache file so that later loads map them from the file
 * instead of computing them. Keys name the derivation in full
 * ({@code model.decoder.layers.0.fc1.weight:column-major}), so any derived array can be kept without changing the
 * cache; each is float32, contiguous and row-major.
 *
 * <p>Why: the derived arrays of opus-mt-fr-en are 300 MB of fresh memory, and on the VMs depeche runs on a fresh
 * anonymous page costs 10-16 µs to fault in; computing them took 0.87-1.04 s of the load, mapping them takes
 * 0.13-0.17 s (the pages of a page-cached file are then faulted in by the first products, many at a time). The
 * file is mapped in huge pages ({@link PreparedWeightsWindows}), so decoding runs as fast as on libtorch's own
 * memory (whose large arrays get huge pages too).
 *
 * <p>Trust: a cache file is used only while every source file keeps the canonical path, size and modification
 * time it was built from, and only when it is a complete file of the current {@link PreparedWeightsFile#FORMAT};
 * anything else is ignored and rebuilt, never an error. A hit skips reading the source tensor, so the NaN/Inf check
 * ({@link FiniteWeights#require}) does not run on it again: it ran when the cache was built, on the same bytes of the
 * same file (same size and modification time).
 *
 * <p>Use, from one thread, for one load: {@link #find} each array, {@link #add} those that were made instead,
 * {@link #commit()} when the network is complete, and {@link #close()} when the model is closed (the arrays
 * found lie in mappings that live until then). On a miss the load writes a new file holding every array it
 * used; any failure to write (read-only folder, full disk) leaves the load without a cache, never failed.
 */
public final class PreparedWeights implements AutoCloseable {
    private final Path file;
    private final List<Source> sources;
    private final Map<String, Entry> stored;
    /** Where the stored arrays are mapped from; null when no trusted file was found. */
    private final PreparedWeightsWindows windows;
    /** Arrays found so far, so that a rebuild started by a later miss carries them over. */
    private final Map<String, Found> found = new LinkedHashMap<>();
    private PreparedWeightsWriter writer;
    private boolean writing;
    private boolean wrote;
    private int hits;
    private int misses;

    private record Found(long[] shape, ByteBuffer bytes) {
    }

    private PreparedWeights(Path file, List<Source> sources, Map<String, Entry> stored,
                            PreparedWeightsWindows windows) {
        this.file = file;
        this.sources = sources;
        this.stored = stored;
        this.windows = windows;
        this.writing = file != null;
    }

    /** No cache: every array is made, nothing is written. */
    public static PreparedWeights off() {
        return new PreparedWeights(null, List.of(), Map.of(), null);
    }

    /** The cache in {@code file} for a checkpoint made of {@code sources}; a missing or untrusted file is empty. */
    static PreparedWeights open(Path file, List<Source> sources) {
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            return new PreparedWeights(file, sources, Map.of(), null); // none yet, or unreadable: rebuilt
        }
        Optional<Map<String, Entry>> index = PreparedWeightsFile.readIndex(file, channel, sources);
        try {
            if (index.isPresent()) {
                return new PreparedWeights(file, sources, index.get(),
                        new PreparedWeightsWindows(channel, index.get().values(), channel.size()));
            }
        } catch (IOException | RuntimeException e) {
            // As untrusted as a damaged file: rebuilt.
        }
        FileBytes.closeQuietly(channel);
        return new PreparedWeights(file, sources, Map.of(), null);
    }

    /** The cache file, when the cache is on for this checkpoint. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /**
     * The array {@code key} of {@code shape}, as a slice of a read-only mapping of the cache file, in the machine's
     * byte order, when the cache holds it with that shape. A different shape is a miss: the caller's checks then run on the
     * source and report what is wrong.
     */
    public Optional<ByteBuffer> find(String key, long[] shape) {
        Entry entry = stored.get(key);
        if (entry == null || !Arrays.equals(entry.shape(), shape)) {
            return Optional.empty();
        }
        Optional<ByteBuffer> bytes = windows.slice(entry);
        bytes.ifPresent(mapped -> {
            hits++;
            found.put(key, new Found(shape.clone(), mapped));
            if (writer != null) {
                write(key, shape, mapped::duplicate);
            }
        });
        return bytes;
    }

    /**
     * Says that array {@code key} was not found and has been made; when the cache is being written, its bytes
     * (float32, row-major, from position to limit) go into the new file. {@code bytes} is called only then, and
     * the buffer is not kept.
     */
    public void add(String key, long[] shape, Supplier<ByteBuffer> bytes) {
        misses++;
        if (!writing) {
            return;
        }
        if (writer == null) {
            try {
                writer = PreparedWeightsWriter.start(file);
            } catch (IOException | RuntimeException e) {
                writing = false; // an unwritable folder: this load goes on without a cache
                return;
            }
            found.forEach((foundKey, f) -> write(foundKey, f.shape(), f.bytes()::duplicate));
        }
        write(key, shape, bytes);
    }

    private void write(String key, long[] shape, Supplier<ByteBuffer> bytes) {
        if (!writing || writer.has(key)) {
            return;
        }
        try {
            writer.append(key, shape, bytes.get());
        } catch (IOException | RuntimeException e) {
            // A full disk or anything else: loading never fails because of the cache.
            stopWriting();
        }
    }

    /** Completes the cache file, if this load wrote one; the arrays found stay mapped. */
    public void commit() {
        if (writer != null) {
            try {
                writer.finish(sources);
                wrote = true;
            } catch (IOException | RuntimeException e) {
                writer.abandon();
            }
            writer = null;
        }
        writing = false;
        if (windows != null) {
            windows.closeFile(); // the mappings outlive their channel
        }
    }

    /** How many arrays came from the cache file. */
    public int hits() {
        return hits;
    }

    /** How many arrays were made because the cache did not hold them. */
    public int misses() {
        return misses;
    }

    /** Whether {@link #commit()} wrote a new cache file. */
    public boolean wrote() {
        return wrote;
    }

    private void stopWriting() {
        writing = false;
        if (writer != null) {
            writer.abandon();
            writer = null;
        }
    }

    /**
     * Drops an unfinished cache file and unmaps the arrays found. Only once nothing uses them any more: the
     * model's arrays are closed first, since reading an unmapped array would crash the process.
     */
    @Override
    public void close() {
        stopWriting();
        found.clear();
        if (windows != null) {
            windows.close();
        }
    }
}
