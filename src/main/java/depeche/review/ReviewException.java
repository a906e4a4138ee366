package depeche.review;

import java.nio.file.Path;

/**
 * Corrections that cannot be applied: an unreadable file, or one that does not fit the article's outputs. The
 * message is one line naming the file, then the problem; nothing has been written.
 */
public final class ReviewException extends RuntimeException {
    public ReviewException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ReviewException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
