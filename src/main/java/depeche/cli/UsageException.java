package depeche.cli;

/** A problem with what the user asked for; reported in one line with exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
