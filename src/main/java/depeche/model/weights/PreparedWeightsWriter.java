package depeche.model.weights;

import depeche.model.weights.PreparedWeightsFile.Entry;
import depeche.model.weights.PreparedWeightsFile.Source;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PreparedWeightsFile} into a temporary file beside its final place and moves it there in one
 * atomic rename once it is complete, so that two processes starting at once (Spark executors) never see half a
 * file: each writes its own temporary file, and the last rename wins with a whole file either way.
 */
final class PreparedWeightsWriter {
    private static final int BLOCK = PreparedWeightsFile.BLOCK;
    /** A temporary file this old belongs to a process that was killed while writing. */
    private static final Duration STALE = Duration.ofHours(1);
    /** How every cache file's name ends. */
    static final String SUFFIX = ".prepared";
    private static final String TEMPORARY = SUFFIX + ".";

    private final Path target;
    private final Path temporary;
    private final FileChannel channel;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final ByteBuffer block = ByteBuffer.allocateDirect(BLOCK);
    private long blockStart = -1;
    private int blockEnd;
    private long end;

    private PreparedWeightsWriter(Path target, Path temporary, FileChannel channel, long end) {
        this.target = target;
        this.temporary = temporary;
        this.channel = channel;
        this.end = end;
    }

    /** Creates the folder of {@code target} if needed and starts a temporary file in it. */
    static PreparedWeightsWriter start(Path target) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        deleteStaleTemporaries(folder);
        Path temporary = Files.createTempFile(folder, target.getFileName() + TEMPORARY, ".tmp");
        PreparedWeightsWriter writer;
        try {
            writer = new PreparedWeightsWriter(target, temporary,
                    FileChannel.open(temporary, StandardOpenOption.WRITE), 0);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temporary);
            throw e;
        }
        try {
            writer.write(PreparedWeightsFile.header(), 0);
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.abandon();
            throw e;
        }
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /** Appends the float32 array {@code key} of {@code shape}; {@code bytes} from its position to its limit. */
    void append(String key, long[] shape, ByteBuffer bytes) throws IOException {
        long size = new Entry(key, shape, 0).bytes();
        Entry entry = new Entry(key, shape.clone(), PreparedWeightsFile.aligned(end, size));
        if (bytes.remaining() != entry.bytes()) {
            throw new IllegalArgumentException("array '" + key + "' has " + bytes.remaining() + " bytes, not the "
                    + entry.bytes() + " of float32 values its shape needs");
        }
        write(bytes.duplicate(), entry.offset());
        entries.put(key, entry);
        end = entry.offset() + entry.bytes();
    }

    /**
     * Writes the index, makes the data durable (a crash must not leave a whole-looking file of zeros behind its
     * name) and moves the file into place. Then deletes the files of checkpoints that are gone.
     */
    void finish(List<Source> sources) throws IOException {
        write(PreparedWeightsFile.indexAndTrailer(end, sources, entries.values()), end);
        flushBlock(blockEnd); // the file ends with its trailer
        channel.force(false);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        deleteOrphans(target);
    }

    /**
     * Deletes the cache files beside {@code kept} whose checkpoint no longer exists (a model folder deleted, the
     * random model of a {@code bench} run), so they do not hold hundreds of megabytes each forever.
     */
    private static void deleteOrphans(Path kept) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(kept.getParent(), "*" + SUFFIX)) {
            for (Path file : files) {
                if (!file.equals(kept) && PreparedWeightsFile.isOrphan(file)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Tidying is best effort: the next writer tries again.
        }
    }

    /** Drops the temporary file; the cache stays as it was. */
    void abandon() {
        FileBytes.closeQuietly(channel);
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            // Deleted later, as a stale temporary file, by the next writer.
        }
    }

    /**
     * Writes {@code bytes} at {@code position}, which is never before the end of an earlier write, in whole
     * {@link PreparedWeightsFile#BLOCK}s: arrays that share a block are gathered in {@link #block} first, so that
     * the page cache holds each block as one huge folio, which the kernel can map with one huge page.
     */
    private void write(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            long blockStart = at / BLOCK * BLOCK;
            if (blockStart != this.blockStart) {
                flushBlock(BLOCK);
                if (at == blockStart && bytes.remaining() >= BLOCK) { // whole blocks go straight to the file
                    int whole = bytes.remaining() / BLOCK * BLOCK;
                    writeFully(bytes.slice(bytes.position(), whole), at);
                    bytes.position(bytes.position() + whole);
                    at += whole;
                    continue;
                }
                this.blockStart = blockStart;
            }
            int offset = (int) (at - blockStart);
            int n = Math.min(bytes.remaining(), BLOCK - offset);
            block.put(offset, bytes, bytes.position(), n);
            bytes.position(bytes.position() + n);
            blockEnd = Math.max(blockEnd, offset + n);
            at += n;
            if (blockEnd == BLOCK) {
                flushBlock(BLOCK);
            }
        }
    }

    /**
     * Writes the gathered block: {@code length} bytes of it (the whole block, the bytes between arrays being
     * padding that is never read, except at the end of the file).
     */
    private void flushBlock(int length) throws IOException {
        if (blockStart >= 0) {
            writeFully(block.duplicate().position(0).limit(length), blockStart);
            blockStart = -1;
            blockEnd = 0;
        }
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    /** Deletes the temporary files of writers that died (killed, out of disk) long enough ago. */
    private static void deleteStaleTemporaries(Path folder) {
        FileTime before = FileTime.from(Instant.now().minus(STALE));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + TEMPORARY + "*.tmp")) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).compareTo(before) < 0) {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    // Another process removed or renamed it meanwhile, or it is not ours to delete.
                }
            }
        } catch (IOException e) {
            // The writer itself will say whether the folder is usable.
        }
    }
}
