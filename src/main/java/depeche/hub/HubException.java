package depeche.hub;

import depeche.text.OneLine;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;

/** A hub request that failed. {@link FailureMessages} turns it into advice for people. */
final class HubException extends IOException {

    enum Kind {
        /** No connection could be made: unknown host, refused, connect timeout, TLS failure. */
        UNREACHABLE,
        /** The hub answered with an error status. */
        STATUS,
        /** Tries ran out on timeouts, cut connections or server errors. */
        GAVE_UP,
        /** The answer cannot be used (not JSON, wrong range, too many redirects). */
        BAD_RESPONSE
    }

    final Kind kind;
    final URI uri;
    final int status;
    /** The hub's {@code X-Error-Code} header: RepoNotFound, RevisionNotFound, EntryNotFound, GatedRepo. */
    final Optional<String> errorCode;
    /** The hub's {@code X-Error-Message} header. */
    final Optional<String> errorMessage;
    /** Whether another try may succeed. */
    final boolean retryable;

    private HubException(Kind kind, URI uri, int status, Optional<String> errorCode, Optional<String> errorMessage,
                         boolean retryable, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.uri = uri;
        this.status = status;
        this.errorCode = errorCode;
        this.errorMessage = errorMessage;
        this.retryable = retryable;
    }

    static HubException unreachable(URI uri, String reason, Throwable cause) {
        return new HubException(Kind.UNREACHABLE, uri, 0, Optional.empty(), Optional.empty(), false, reason, cause);
    }

    static HubException status(URI uri, int status, Optional<String> errorCode, Optional<String> errorMessage) {
        boolean retryable = status == 429 || status >= 500;
        String message = "HTTP " + status + errorMessage.map(text -> " (" + text + ")").orElse("");
        return new HubException(Kind.STATUS, uri, status, errorCode, errorMessage, retryable, message, null);
    }

    static HubException gaveUp(URI uri, int attempts, Throwable last) {
        return new HubException(Kind.GAVE_UP, uri, 0, Optional.empty(), Optional.empty(), false,
                "failed " + attempts + (attempts == 1 ? " time" : " times") + ", last: " + describe(last), last);
    }

    static HubException badResponse(URI uri, String problem, boolean retryable) {
        return new HubException(Kind.BAD_RESPONSE, uri, 0, Optional.empty(), Optional.empty(), retryable, problem,
                null);
    }

    /** A short reason for any failure, e.g. "HTTP 503" or "connection reset". */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getSimpleName() : OneLine.of(message);
    }
}
