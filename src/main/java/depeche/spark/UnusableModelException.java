package depeche.spark;

/**
 * A model folder an executor cannot load, told to the driver. {@link depeche.folder.ModelException} names its
 * file with a {@link java.nio.file.Path}, which Java cannot serialize, so Spark would hand the driver a bare
 * "task failed" instead; this carries the same one-line message (exit code 2, as {@code run} has it).
 */
final class UnusableModelException extends RuntimeException {
    UnusableModelException(String message, Throwable cause) {
        super(message);
        setStackTrace(cause.getStackTrace());
    }
}
