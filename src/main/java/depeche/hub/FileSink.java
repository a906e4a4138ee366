package depeche.hub;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * Writes a response body straight to a partial file as it arrives, so that whatever was received before a cut
 * stays on disk for the next try to resume from. The limit counts the whole file, what an earlier try left
 * included.
 */
final class FileSink extends BodySink<Void> {
    private final FileChannel channel;
    private final LongConsumer bytesOnDisk;

    private FileSink(FileChannel channel, DownloadLimit limit, long written, LongConsumer bytesOnDisk) {
        super(limit, written);
        this.channel = channel;
        this.bytesOnDisk = bytesOnDisk;
        bytesOnDisk.accept(written);
    }

    /** A sink that continues {@code file} (the answer to a Range request). */
    static FileSink appending(Path file, DownloadLimit limit, LongConsumer bytesOnDisk) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        return new FileSink(channel, limit, channel.size(), bytesOnDisk);
    }

    /** A sink that rewrites {@code file} from its first byte. */
    static FileSink replacing(Path file, DownloadLimit limit, LongConsumer bytesOnDisk) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        return new FileSink(channel, limit, 0, bytesOnDisk);
    }

    @Override
    void write(List<ByteBuffer> buffers) throws IOException {
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        }
        bytesOnDisk.accept(received());
    }

    @Override
    Void result() {
        return null;
    }

    @Override
    void release() {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing was lost: every write already went through the channel.
        }
    }
}
