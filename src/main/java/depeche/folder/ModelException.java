package depeche.folder;

import java.nio.file.Path;

/**
 * A model folder that cannot be used: a file is missing, corrupt, or holds something unexpected.
 * The message is one line that names the file and the problem, ready to print as it is.
 */
public class ModelException extends RuntimeException {
    private final Path file;
    private final String problem;

    public ModelException(Path file, String problem) {
        this(file, problem, null);
    }

    public ModelException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    /** The file (or folder) at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong with {@link #file()}: the message without the file. */
    public String problem() {
        return problem;
    }
}
