package depeche.hub;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Speaks the hub's HTTP protocol as {@code huggingface_hub} does: the model-info API for the file
 * list with checksums, {@code /resolve/} for the bytes, redirects to the CDN, Range to resume.
 */
final class HubClient {
    private static final int MAX_REDIRECTS = 10;
    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-\\d+/(?:\\d+|\\*)");

    /** Told about each failed try that will be tried again. */
    interface RetryListener {
        void retrying(String what, int failedAttempt, int attempts, String reason, Duration delay);
    }

    private final HubEnvironment env;
    private final TransferSettings settings;
    private final RetryListener retries;
    private final HttpClient http;

    HubClient(HubEnvironment env, TransferSettings settings, RetryListener retries) {
        this.env = env;
        this.settings = settings;
        this.retries = retries;
        // Redirects are followed by hand: the token must not travel to the CDN the hub redirects to.
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** {@code GET /api/models/{repo}/revision/{revision}?blobs=true}: the commit and its files with sizes and sha256s. */
    RepoListing listing(String repo, String revision) throws HubException {
        URI uri = URI.create(env.endpoint() + "/api/models/" + repo + "/revision/" + UrlPaths.segment(revision)
                + "?blobs=true");
        return withRetries("the file list of " + repo, uri, () -> {
            MemorySink body = new MemorySink(DownloadLimit.LISTING);
            AtomicReference<BodySink<?>> sink = new AtomicReference<>();
            HttpResponse<byte[]> response;
            try {
                response = follow(uri, null, info -> {
                    if (info.statusCode() != 200) {
                        return UnreadBody.ignored(); // only the headers of an error are used
                    }
                    sink.set(body);
                    return body;
                }, sink);
            } catch (BodySink.TooLong e) {
                throw HubException.badResponse(uri, e.getMessage(), false);
            }
            if (response.statusCode() != 200) {
                throw statusError(response);
            }
            try {
                return RepoListing.parse(repo, revision, response.body());
            } catch (IOException e) {
                throw HubException.badResponse(uri, "the file list is not the hub's JSON: " + e.getMessage(), false);
            }
        });
    }

    /** The URL of one file at one commit, as {@code hf_hub_url} builds it. */
    URI fileUri(String repo, String commit, String file) {
        return URI.create(env.endpoint() + "/" + repo + "/resolve/" + UrlPaths.segment(commit) + "/"
                + UrlPaths.path(file));
    }

    /**
     * Downloads a file into {@code partial}, continuing from what it already holds with a Range
     * request. Every try resumes where the previous one was cut. A body that goes on past {@code limit} is cut
     * there, its partial file deleted, and not tried again.
     *
     * @param bytesOnDisk told the length of {@code partial} as data arrives
     */
    void download(String repo, String commit, String file, Path partial, DownloadLimit limit,
                  LongConsumer bytesOnDisk) throws HubException {
        URI uri = fileUri(repo, commit, file);
        withRetries(file, uri, () -> {
            try {
                downloadOnce(uri, partial, limit, bytesOnDisk);
            } catch (BodySink.TooLong e) {
                Files.deleteIfExists(partial);
                throw HubException.badResponse(uri, e.getMessage(), false);
            }
            return null;
        });
    }

    private void downloadOnce(URI uri, Path partial, DownloadLimit limit, LongConsumer bytesOnDisk)
            throws IOException {
        long offset = Files.exists(partial) ? Files.size(partial) : 0;
        AtomicReference<BodySink<?>> sink = new AtomicReference<>();
        BodyHandler<Void> handler = info -> {
            try {
                long start;
                if (info.statusCode() == 200) {
                    start = 0; // the server ignored Range: start over
                } else if (info.statusCode() == 206 && rangeStart(info.headers()) == offset) {
                    start = offset;
                } else {
                    return UnreadBody.ignored();
                }
                OptionalLong announced = info.headers().firstValueAsLong("Content-Length");
                if (announced.isPresent() && start + announced.getAsLong() > limit.bytes()) {
                    return UnreadBody.refused(new BodySink.TooLong(limit)); // refused before a byte is written
                }
                FileSink fileSink = start == 0 ? FileSink.replacing(partial, limit, bytesOnDisk)
                        : FileSink.appending(partial, limit, bytesOnDisk);
                sink.set(fileSink);
                return fileSink;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        HttpResponse<Void> response = follow(uri, offset > 0 ? "bytes=" + offset + "-" : null, handler, sink);
        int status = response.statusCode();
        if (status == 206 && sink.get() == null) {
            Files.deleteIfExists(partial);
            throw HubException.badResponse(uri, "the server resumed at another offset than " + offset, true);
        }
        if (status == 416) {
            // The partial file is not a prefix of this file (it is as long or longer): start over.
            Files.deleteIfExists(partial);
            throw HubException.badResponse(uri, "the partial download does not fit the file", true);
        }
        if (status != 200 && status != 206) {
            throw statusError(response);
        }
    }

    private static long rangeStart(HttpHeaders headers) {
        Matcher matcher = CONTENT_RANGE.matcher(headers.firstValue("Content-Range").orElse(""));
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** Sends GETs along redirects; the token goes only to the endpoint's own origin. */
    private <T> HttpResponse<T> follow(URI uri, String range, BodyHandler<T> handler,
                                       AtomicReference<BodySink<?>> sink) throws IOException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(current).GET()
                    .timeout(settings.responseTimeout()).header("User-Agent", env.userAgent());
            if (range != null) {
                request.header("Range", range);
            }
            if (env.token().isPresent() && sameOrigin(current, URI.create(env.endpoint()))) {
                request.header("Authorization", "Bearer " + env.token().get());
            }
            BodyHandler<T> unlessRedirect = info -> isRedirect(info.statusCode()) && info.headers()
                    .firstValue("Location").isPresent() ? UnreadBody.ignored() : handler.apply(info);
            HttpResponse<T> response = await(current, http.sendAsync(request.build(), unlessRedirect), sink);
            String location = response.headers().firstValue("Location").orElse(null);
            if (!isRedirect(response.statusCode()) || location == null) {
                return response;
            }
            current = current.resolve(location);
        }
        throw HubException.badResponse(uri, "more than " + MAX_REDIRECTS + " redirects", false);
    }

    /** Waits for a response; cuts it when its body stalls longer than the idle timeout. */
    private <T> HttpResponse<T> await(URI uri, CompletableFuture<HttpResponse<T>> response,
                                      AtomicReference<BodySink<?>> sink) throws IOException {
        long pollMillis = Math.max(10, Math.min(250, settings.idleTimeout().toMillis() / 4));
        try {
            while (true) {
                try {
                    return response.get(pollMillis, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    BodySink<?> receiving = sink.get();
                    if (receiving != null && receiving.idleNanos() > settings.idleTimeout().toNanos()) {
                        long idleMillis = settings.idleTimeout().toMillis();
                        HttpTimeoutException stalled = new HttpTimeoutException("no data for "
                                + (idleMillis % 1000 == 0 ? idleMillis / 1000 + " s" : idleMillis + " ms"));
                        receiving.abort(stalled);
                        response.cancel(true);
                        throw stalled;
                    }
                }
            }
        } catch (ExecutionException e) {
            throw classify(uri, e.getCause());
        } catch (CancellationException e) {
            throw new InterruptedIOException("download cancelled");
        } catch (InterruptedException e) {
            response.cancel(true);
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    /** Connection failures mean "unreachable" and are not retried; other I/O failures are. */
    private static IOException classify(URI uri, Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodySink.TooLong tooLong) {
                return tooLong; // the client may wrap what the body subscriber failed with
            }
        }
        if (causedBy(failure, UnknownHostException.class) || causedBy(failure, UnresolvedAddressException.class)) {
            return HubException.unreachable(uri, "unknown host " + uri.getHost(), failure);
        }
        if (causedBy(failure, HttpConnectTimeoutException.class)) {
            return HubException.unreachable(uri, "connection timed out", failure);
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, NoRouteToHostException.class)) {
            return HubException.unreachable(uri, "connection refused", failure);
        }
        if (causedBy(failure, SSLException.class)) {
            return HubException.unreachable(uri, "TLS failure: " + HubException.describe(failure), failure);
        }
        if (failure instanceof UncheckedIOException unchecked) {
            return unchecked.getCause();
        }
        return failure instanceof IOException io ? io : new IOException(HubException.describe(failure), failure);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T withRetries(String what, URI uri, Call<T> call) throws HubException {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (HubException e) {
                if (!e.retryable) {
                    throw e;
                }
                retryOrGiveUp(what, uri, attempt, e);
            } catch (IOException e) {
                retryOrGiveUp(what, uri, attempt, e);
            }
        }
    }

    private void retryOrGiveUp(String what, URI uri, int attempt, IOException failure) throws HubException {
        if (attempt >= settings.attempts() || Thread.currentThread().isInterrupted()) {
            throw HubException.gaveUp(uri, attempt, failure);
        }
        Duration delay = settings.delayAfter(attempt);
        retries.retrying(what, attempt, settings.attempts(), HubException.describe(failure), delay);
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HubException.gaveUp(uri, attempt, failure);
        }
    }

    private static HubException statusError(HttpResponse<?> response) {
        HttpHeaders headers = response.headers();
        return HubException.status(response.uri(), response.statusCode(), headers.firstValue("X-Error-Code"),
                headers.firstValue("X-Error-Message"));
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Same scheme, host and port: where HF's client keeps sending the Authorization header. */
    static boolean sameOrigin(URI a, URI b) {
        return Objects.equals(a.getScheme(), b.getScheme()) && a.getHost() != null
                && a.getHost().equalsIgnoreCase(b.getHost()) && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    /** Percent-encoding of URL parts, as Python's {@code urllib.parse.quote}. */
    static final class UrlPaths {
        private UrlPaths() {
        }

        /** One path segment: a revision such as {@code refs/pr/1} becomes {@code refs%2Fpr%2F1}. */
        static String segment(String value) {
            StringBuilder out = new StringBuilder();
            for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                        || c == '-' || c == '.' || c == '_' || c == '~') {
                    out.append(c);
                } else {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return out.toString();
        }

        /** A file path inside the repository: each segment encoded, the slashes kept. */
        static String path(String file) {
            return Arrays.stream(file.split("/")).map(UrlPaths::segment).collect(Collectors.joining("/"));
        }
    }
}
