package depeche.hub;

import java.time.Duration;

/**
 * Timeouts and retries of hub requests.
 *
 * @param connectTimeout  to open a connection
 * @param responseTimeout from sending a request to its response headers
 * @param idleTimeout     longest pause in a response body before the download is cut and resumed
 * @param attempts        tries per request, the first included; only timeouts, cut connections,
 *                        429 and 5xx answers are tried again
 * @param firstRetryDelay wait before the second try; it doubles each time, up to {@code maxRetryDelay}
 * @param maxRetryDelay   longest wait between tries
 */
public record TransferSettings(Duration connectTimeout, Duration responseTimeout, Duration idleTimeout,
                               int attempts, Duration firstRetryDelay, Duration maxRetryDelay) {

    /** Settings for real networks: patient with slow links, quick to say when the hub is unreachable. */
    public static final TransferSettings DEFAULT = new TransferSettings(
            Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(60),
            5, Duration.ofSeconds(1), Duration.ofSeconds(16));

    public TransferSettings {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait after failed try number {@code attempt} (1-based). */
    Duration delayAfter(int attempt) {
        Duration delay = firstRetryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
