package depeche.io;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.TRUNCATE_EXISTING;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files that are either complete or absent: never half-written, even if the writer fails midway
 * or the machine stops. The content goes to {@code <name>.tmp} next to the target, is flushed to
 * disk, then renamed over the target in one atomic step; on failure the temporary file is removed
 * and an earlier version of the target, if any, is left as it was.
 */
public final class AtomicFiles {

    /** Writes a file's content; may throw midway. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /** The temporary file {@link #write} uses for {@code target}. */
    public static Path temporaryFileOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".tmp");
    }

    /** Replaces {@code target} with what {@code content} writes, atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path temporary = temporaryFileOf(target);
        try {
            try (FileChannel channel = FileChannel.open(temporary, CREATE, TRUNCATE_EXISTING, WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel));
                content.writeTo(unclosable(out));
                out.flush();
                channel.force(true); // on disk before the rename makes it visible
            }
            Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /** Libraries close the stream they are given when done (Jackson, StAX); the channel must stay open for {@code force}. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
