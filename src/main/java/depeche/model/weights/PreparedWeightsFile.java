package depeche.model.weights;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.folder.JsonTree;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The layout of a {@link PreparedWeights} file, and the checks that decide whether one is trusted.
 *
 * <pre>
 * [0, 16)             "DPCHPREP", then {@link #FORMAT} as a little-endian long
 * [4096, index)       the arrays: float32, row-major, in the machine's byte order, each at a multiple of 4096,
 *                     those of 2 MB and more at a multiple of 2 MB
 * [index, trailer)    the index, UTF-8 JSON: {"format", "byteOrder", "sources": [{"path", "size", "modified"}],
 *                     "arrays": [{"key", "dtype", "shape", "offset"}]}
 * the last 24 bytes   the index's offset and length (little-endian longs), then "DPCHPREP" again
 * </pre>
 *
 * The index comes last because it is known only once every array is written. It must end exactly where the
 * trailer starts and every array must lie before it, so a truncated or extended file is refused. The 2 MB
 * boundaries are there for huge pages ({@link PreparedWeightsWindows}); page-aligned arrays also have the 64-byte
 * alignment of libtorch's own, so the GEMM kernels see the same alignment whether the weights are cached or not.
 */
final class PreparedWeightsFile {
    /**
     * The format of the file and of everything derived into it. Bump it whenever a derivation changes (the
     * column-major copy of {@code depeche.model.Linear}, the float32 conversion, anything a key names) or this
     * layout does: every file of another format is then ignored and rebuilt.
     */
    static final long FORMAT = 1;
    static final int ALIGNMENT = 4096;
    static final String DTYPE = "F32";
    private static final byte[] MAGIC = "DPCHPREP".getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_BYTES = 16;
    private static final int TRAILER_BYTES = 24;
    /** Far more than any model's index needs; a larger claim is not a file we wrote. */
    private static final long MAX_INDEX_BYTES = 64L << 20;

    private PreparedWeightsFile() {
    }

    /**
     * A weights file as the cache saw it. A cache file is trusted only while every source still has the same
     * canonical path, size and modification time.
     */
    record Source(String path, long size, long modifiedNanos) {
        static Source of(Path file) throws IOException {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new Source(file.toRealPath().toString(), attributes.size(),
                    attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
        }

        // Written out: a record's generated equals and hashCode are bootstrapped (15-50 ms in a fresh JVM) the first
        // time they run, and every load compares its sources.
        @Override
        public boolean equals(Object other) {
            return other instanceof Source s && path.equals(s.path) && size == s.size
                    && modifiedNanos == s.modifiedNanos;
        }

        @Override
        public int hashCode() {
            return Objects.hash(path, size, modifiedNanos);
        }
    }

    /** One array: its key, its shape and where its float32 bytes start. */
    record Entry(String key, long[] shape, long offset) {
        long bytes() {
            return Math.multiplyExact((long) Float.BYTES, TensorInfo.numel(shape));
        }
    }

    /**
     * A huge page: the file is written and mapped in blocks of this size, and arrays of at least this size start
     * on one, so that the kernel can map the weights with huge pages, as libtorch's own large arrays are.
     */
    static final int BLOCK = 2 << 20;

    /** The first byte at or after {@code position} where an array of {@code bytes} may start. */
    static long aligned(long position, long bytes) {
        long alignment = bytes >= BLOCK ? BLOCK : ALIGNMENT;
        return Math.max(ALIGNMENT, (position + alignment - 1) / alignment * alignment);
    }

    static ByteBuffer header() {
        return ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN).put(MAGIC).putLong(FORMAT).flip();
    }

    /** The index of {@code entries} and the trailer after it, to be written at {@code indexOffset}. */
    static ByteBuffer indexAndTrailer(long indexOffset, List<Source> sources, Collection<Entry> entries) {
        ObjectNode index = JsonTree.NODES.objectNode();
        index.put("format", FORMAT).put("byteOrder", ByteOrder.nativeOrder().toString());
        ArrayNode sourceArray = index.putArray("sources");
        sources.forEach(s -> sourceArray.addObject().put("path", s.path()).put("size", s.size())
                .put("modified", s.modifiedNanos()));
        ArrayNode arrays = index.putArray("arrays");
        for (Entry entry : entries) {
            ObjectNode array = arrays.addObject().put("key", entry.key()).put("dtype", DTYPE);
            ArrayNode shape = array.putArray("shape");
            for (long dim : entry.shape()) {
                shape.add(dim);
            }
            array.put("offset", entry.offset());
        }
        byte[] json = JsonTree.write(index);
        return ByteBuffer.allocate(json.length + TRAILER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .put(json).putLong(indexOffset).putLong(json.length).put(MAGIC).flip();
    }

    /**
     * The arrays of the file open on {@code channel}, by key, when it is a complete file of this format and this
     * machine's byte order, made from exactly {@code sources}; empty for anything else, and for a file that
     * cannot be read.
     *
     * @param file the file's path, for messages that are never shown (any problem means: rebuild)
     */
    static Optional<Map<String, Entry>> readIndex(Path file, FileChannel channel, List<Source> sources) {
        try {
            Optional<Located> located = index(file, channel);
            if (located.isEmpty()) {
                return Optional.empty();
            }
            JsonNode index = located.get().index();
            if (!ByteOrder.nativeOrder().toString().equals(index.path("byteOrder").asText())
                    || !sources.equals(sources(index.path("sources")))) {
                return Optional.empty();
            }
            return entries(index.path("arrays"), located.get().offset());
        } catch (IOException | RuntimeException e) {
            // Whatever is wrong with a cache file (unreadable, garbage, numbers out of range) means: rebuild it.
            return Optional.empty();
        }
    }

    /**
     * Whether {@code file} is a complete cache file of this format whose weights are gone: one of its sources no
     * longer exists (a model folder deleted or moved). Anything else, or any doubt, is not an orphan.
     */
    static boolean isOrphan(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Source> sources = index(file, channel).map(l -> sources(l.index().path("sources"))).orElse(List.of());
            return sources.stream().anyMatch(source -> Files.notExists(Path.of(source.path())));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The JSON index and where it starts. */
    private record Located(JsonNode index, long offset) {
    }

    /** The index of a complete file of this format: magic, format and trailer checked, the index parsed. */
    private static Optional<Located> index(Path file, FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < HEADER_BYTES + TRAILER_BYTES) {
            return Optional.empty();
        }
        ByteBuffer header = FileBytes.readFully(file, channel, 0, HEADER_BYTES);
        ByteBuffer trailer = FileBytes.readFully(file, channel, size - TRAILER_BYTES, TRAILER_BYTES);
        long indexOffset = trailer.getLong(0);
        long indexLength = trailer.getLong(8);
        if (!startsWithMagic(header, 0) || header.getLong(MAGIC.length) != FORMAT
                || !startsWithMagic(trailer, 16) || indexOffset < HEADER_BYTES || indexLength <= 0
                || indexLength > MAX_INDEX_BYTES || indexOffset + indexLength != size - TRAILER_BYTES) {
            return Optional.empty();
        }
        JsonNode index = JsonTree.read(FileBytes.readFully(file, channel, indexOffset, (int) indexLength).array());
        return index.path("format").asLong(-1) == FORMAT
                ? Optional.of(new Located(index, indexOffset))
                : Optional.empty();
    }

    private static List<Source> sources(JsonNode array) {
        List<Source> sources = new ArrayList<>();
        for (JsonNode source : array) {
            if (!source.path("path").isTextual() || !source.path("size").canConvertToLong()
                    || !source.path("modified").canConvertToLong()) {
                return List.of();
            }
            sources.add(new Source(source.get("path").asText(), source.get("size").asLong(),
                    source.get("modified").asLong()));
        }
        return sources;
    }

    /** Every array, if each one is float32, lies whole before the index at an aligned offset and is listed once. */
    private static Optional<Map<String, Entry>> entries(JsonNode arrays, long indexOffset) {
        if (!arrays.isArray()) {
            return Optional.empty();
        }
        Map<String, Entry> entries = new HashMap<>();
        for (JsonNode array : arrays) {
            JsonNode shapeNode = array.path("shape");
            if (!array.path("key").isTextual() || !DTYPE.equals(array.path("dtype").asText())
                    || !shapeNode.isArray() || !array.path("offset").canConvertToLong()) {
                return Optional.empty();
            }
            long[] shape = new long[shapeNode.size()];
            for (int d = 0; d < shape.length; d++) {
                shape[d] = shapeNode.get(d).canConvertToLong() ? shapeNode.get(d).asLong() : -1;
                if (shape[d] < 0) {
                    return Optional.empty();
                }
            }
            Entry entry = new Entry(array.get("key").asText(), shape, array.get("offset").asLong());
            if (entry.offset() < ALIGNMENT || entry.offset() % ALIGNMENT != 0
                    || entry.bytes() > indexOffset - entry.offset() || entries.put(entry.key(), entry) != null) {
                return Optional.empty();
            }
        }
        return Optional.of(entries);
    }

    private static boolean startsWithMagic(ByteBuffer buffer, int at) {
        return buffer.slice(at, MAGIC.length).equals(ByteBuffer.wrap(MAGIC));
    }
}
