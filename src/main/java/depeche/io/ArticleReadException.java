package depeche.io;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * An article file, or one line of a {@code .jsonl} file, that cannot be read. The message is one
 * line naming the file (and line), then the problem, ready to print as it is:
 * {@code seeds/x.jsonl:3: duplicate id 'a' (first used on line 1)}.
 */
public final class ArticleReadException extends RuntimeException {
    private final Path file;
    private final int line;

    public ArticleReadException(Path file, String problem) {
        this(file, 0, problem, null);
    }

    public ArticleReadException(Path file, int line, String problem) {
        this(file, line, problem, null);
    }

    public ArticleReadException(Path file, String problem, Throwable cause) {
        this(file, 0, problem, cause);
    }

    private ArticleReadException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** The 1-based line of a {@code .jsonl} file the problem is on, when it is about one line. */
    public OptionalInt line() {
        return line > 0 ? OptionalInt.of(line) : OptionalInt.empty();
    }
}
