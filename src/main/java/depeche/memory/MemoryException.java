package depeche.memory;

import java.nio.file.Path;

/**
 * The translation memory file cannot be used: it is not a database, it is locked by another process for longer
 * than the busy timeout, it was made by a newer depeche, or it cannot be written. The message is one line naming
 * the file.
 */
public final class MemoryException extends RuntimeException {
    public MemoryException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    public MemoryException(Path file, String problem) {
        this(file, problem, null);
    }
}
