package depeche.pipeline;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two runs from writing the same output folder at once: an OS file lock on {@code .depeche.lock}, which
 * the OS releases when the process ends, even if it is killed, so a crash never leaves the folder locked.
 */
public final class OutputLock implements AutoCloseable {
    static final String FILE_NAME = ".depeche.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (creating it when needed).
     *
     * @throws LockedException when another run holds it
     */
    public static OutputLock acquire(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                channel.truncate(0).write(java.nio.ByteBuffer.wrap(
                        (ProcessHandle.current().pid() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
                return new OutputLock(channel, lock);
            }
        } catch (OverlappingFileLockException sameProcess) {
            // another run in this very JVM holds it: just as locked
        }
        channel.close();
        throw new LockedException(folder, file);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }

    /** The folder is in use by another run. */
    public static final class LockedException extends RuntimeException {
        LockedException(Path folder, Path file) {
            super("the output folder " + folder + " is in use by another depeche run (it holds " + file
                    + "); wait for it to finish");
        }
    }
}
