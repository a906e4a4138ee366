package depeche.memory.exchange;

import java.nio.file.Path;

/** A translation exchange file cannot be read: one line naming the file, the line when known, and the problem. */
public final class ExchangeException extends RuntimeException {
    public ExchangeException(Path file, int line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
    }

    public ExchangeException(Path file, String problem) {
        this(file, 0, problem, null);
    }
}
