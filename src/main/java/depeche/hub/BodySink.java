package depeche.hub;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives a response body under a {@link DownloadLimit}: the transfer stops, failing with {@link TooLong}, as
 * soon as the body would pass the limit, so an endless or oversized body costs at most the limit. It also
 * records when data last came, which lets the caller cut a stalled transfer ({@code HttpClient} has no read
 * timeout).
 */
abstract class BodySink<T> implements HttpResponse.BodySubscriber<T> {
    /** The body went on past its limit. */
    static final class TooLong extends IOException {
        TooLong(DownloadLimit limit) {
            super("it sends more than " + limit.description());
        }
    }

    private final DownloadLimit limit;
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private long received;
    private volatile long lastDataNanos = System.nanoTime();
    private volatile Flow.Subscription subscription;

    /** @param received bytes already counted against the limit (a resumed download's partial file) */
    BodySink(DownloadLimit limit, long received) {
        this.limit = limit;
        this.received = received;
    }

    /** Keeps {@code buffers}; {@link #received()} already counts them. */
    abstract void write(List<ByteBuffer> buffers) throws IOException;

    /** The body, once it is complete. */
    abstract T result() throws IOException;

    /** Frees what receiving held (an open file); called once, however the transfer ends. */
    abstract void release();

    long received() {
        return received;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        long incoming = buffers.stream().mapToLong(ByteBuffer::remaining).sum();
        if (received + incoming > limit.bytes()) {
            abort(new TooLong(limit));
            return;
        }
        try {
            received += incoming;
            write(buffers);
            lastDataNanos = System.nanoTime();
            subscription.request(1);
        } catch (IOException e) {
            abort(e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        release();
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        release();
        try {
            body.complete(result());
        } catch (IOException e) {
            body.completeExceptionally(e);
        }
    }

    @Override
    public CompletionStage<T> getBody() {
        return body;
    }

    /** Nanoseconds since the last data arrived (or since the headers, before any data). */
    long idleNanos() {
        return System.nanoTime() - lastDataNanos;
    }

    /** Stops the transfer; what was written so far stays where it was written. */
    void abort(IOException reason) {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        release();
        body.completeExceptionally(reason);
    }
}
