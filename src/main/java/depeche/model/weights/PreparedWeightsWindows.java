package depeche.model.weights;

import depeche.model.weights.PreparedWeightsFile.Entry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arrays of a {@link PreparedWeightsFile} as slices of a few large read-only mappings ("windows"), each from
 * a block boundary and at most 1 GiB long (a Java buffer holds at most 2 GiB), never cutting an array. Small
 * arrays then share huge pages with their neighbours: mapped one by one, the attention weights of opus-mt-fr-en
 * (1 MB each) sat in small pages and decoding took 6-11 % longer than on libtorch's memory; in one window every
 * 2 MB block is one huge page where the kernel's page cache holds it as one.
 */
final class PreparedWeightsWindows implements AutoCloseable {
    private static final long MAX_WINDOW = 1L << 30;
    private static final long BLOCK = PreparedWeightsFile.BLOCK;

    private final FileChannel channel;
    private final Map<String, Window> windowOf = new HashMap<>();
    /** By identity: each window is planned once (and a record's own hashCode costs a start-up bootstrap). */
    private final Map<Window, MappedByteBuffer> mapped = new IdentityHashMap<>();

    /** A stretch of the file, mapped when an array in it is first wanted. */
    private record Window(long start, long length) {
    }

    /** Plans the windows of {@code entries}, which lie in a file of {@code fileSize} bytes open on {@code channel}. */
    PreparedWeightsWindows(FileChannel channel, Collection<Entry> entries, long fileSize) {
        this.channel = channel;
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::offset));
        List<Entry> members = new ArrayList<>();
        long start = 0;
        long end = 0;
        for (Entry entry : byOffset) {
            if (entry.bytes() > Integer.MAX_VALUE) {
                continue; // no buffer holds it: never found, so made at each load
            }
            long entryEnd = entry.offset() + entry.bytes();
            if (!members.isEmpty() && entryEnd - start > MAX_WINDOW) {
                plan(members, start, end, fileSize);
                members.clear();
            }
            if (members.isEmpty()) {
                start = entry.offset() / BLOCK * BLOCK;
            }
            members.add(entry);
            end = Math.max(end, entryEnd);
        }
        if (!members.isEmpty()) {
            plan(members, start, end, fileSize);
        }
    }

    /** A window over {@code members}, reaching to the end of its last block where the file goes that far. */
    private void plan(List<Entry> members, long start, long end, long fileSize) {
        Window window = new Window(start, Math.min((end + BLOCK - 1) / BLOCK * BLOCK, fileSize) - start);
        if (window.length() <= Integer.MAX_VALUE) { // else its arrays are never found, and so made at each load
            members.stream().filter(entry -> entry.offset() + entry.bytes() <= start + window.length())
                    .forEach(entry -> windowOf.put(entry.key(), window));
        }
    }

    /** The bytes of {@code entry}, in the machine's byte order; empty when they cannot be mapped. */
    Optional<ByteBuffer> slice(Entry entry) {
        Window window = windowOf.get(entry.key());
        if (window == null) {
            return Optional.empty();
        }
        MappedByteBuffer mapping = mapped.get(window);
        if (mapping == null) {
            try {
                mapping = channel.map(FileChannel.MapMode.READ_ONLY, window.start(), window.length());
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
            MappedBuffers.adviseHugePages(mapping);
            mapped.put(window, mapping);
        }
        return Optional.of(mapping.slice((int) (entry.offset() - window.start()), (int) entry.bytes())
                .order(ByteOrder.nativeOrder()));
    }

    /** Closes the file; the mappings made stay valid until {@link #close()}. */
    void closeFile() {
        FileBytes.closeQuietly(channel);
    }

    /** Unmaps every window: nothing may read a slice afterwards. */
    @Override
    public void close() {
        closeFile();
        mapped.values().forEach(MappedBuffers::unmap);
        mapped.clear();
    }
}
