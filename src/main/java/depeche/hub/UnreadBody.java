package depeche.hub;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body that is not read at all: the transfer is cancelled as soon as it starts. For error and
 * redirect answers, whose bodies depeche never uses ({@code BodySubscribers.discarding()} would read an endless
 * one for ever), and for a body already known to be too long.
 */
final class UnreadBody<T> implements HttpResponse.BodySubscriber<T> {
    private final CompletableFuture<T> body = new CompletableFuture<>();
    private final IOException failure;

    private UnreadBody(IOException failure) {
        this.failure = failure;
    }

    /** Cancels the body; the response completes with a null body. */
    static <T> UnreadBody<T> ignored() {
        return new UnreadBody<>(null);
    }

    /** Cancels the body; the response fails with {@code failure}. */
    static <T> UnreadBody<T> refused(IOException failure) {
        return new UnreadBody<>(failure);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        subscription.cancel();
        if (failure == null) {
            body.complete(null);
        } else {
            body.completeExceptionally(failure);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
    }

    @Override
    public void onError(Throwable throwable) {
        body.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        body.complete(null);
    }

    @Override
    public CompletionStage<T> getBody() {
        return body;
    }
}
