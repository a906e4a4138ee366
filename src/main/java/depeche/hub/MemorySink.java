package depeche.hub;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/** Keeps a small response body (the file list) in memory, up to its limit. */
final class MemorySink extends BodySink<byte[]> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    MemorySink(DownloadLimit limit) {
        super(limit, 0);
    }

    @Override
    void write(List<ByteBuffer> buffers) {
        for (ByteBuffer buffer : buffers) {
            byte[] chunk = new byte[buffer.remaining()];
            buffer.get(chunk);
            bytes.writeBytes(chunk);
        }
    }

    @Override
    byte[] result() {
        return bytes.toByteArray();
    }

    @Override
    void release() {
    }
}
