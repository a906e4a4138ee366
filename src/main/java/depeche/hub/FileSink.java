package depeche.hub;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.function.LongConsumer;

/**
 * Writes a response body straight to a partial file as it arrives, so that whatever was received
 * before a cut stays on disk for the next try to resume from. It also records when data last
 * came, which lets the caller cut a stalled download ({@code HttpClient} has no read timeout).
 */
final class FileSink implements HttpResponse.BodySubscriber<Void> {
    private final FileChannel channel;
    private final LongConsumer bytesOnDisk;
    private final CompletableFuture<Void> body = new CompletableFuture<>();
    private long written;
    private volatile long lastDataNanos = System.nanoTime();
    private volatile Flow.Subscription subscription;

    private FileSink(FileChannel channel, long written, LongConsumer bytesOnDisk) {
        this.channel = channel;
        this.written = written;
        this.bytesOnDisk = bytesOnDisk;
        bytesOnDisk.accept(written);
    }

    /** A sink that continues {@code file} (the answer to a Range request). */
    static FileSink appending(Path file, LongConsumer bytesOnDisk) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new FileSink(channel, channel.size(), bytesOnDisk);
    }

    /** A sink that rewrites {@code file} from its first byte. */
    static FileSink replacing(Path file, LongConsumer bytesOnDisk) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new FileSink(channel, 0, bytesOnDisk);
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        try {
            for (ByteBuffer buffer : buffers) {
                while (buffer.hasRemaining()) {
                    written += channel.write(buffer);
                }
            }
            lastDataNanos = System.nanoTime();
            bytesOnDisk.accept(written);
            subscription.request(1);
        } catch (IOException e) {
            subscription.cancel();
            close();
            body.completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        close();
        body.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        close();
        body.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return body;
    }

    /** Nanoseconds since the last data arrived (or since the headers, before any data). */
    long idleNanos() {
        return System.nanoTime() - lastDataNanos;
    }

    /** Stops the transfer; what was written stays on disk. */
    void abort(IOException reason) {
        Flow.Subscription current = subscription;
        if (current != null) {
            current.cancel();
        }
        close();
        body.completeExceptionally(reason);
    }

    private void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was lost: every write already went through the channel.
        }
    }
}
