package depeche.model.weights;

import depeche.folder.ModelException;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** File access shared by the checkpoint formats that read a file at explicit positions. */
final class FileBytes {
    private FileBytes() {
    }

    static FileChannel openChannel(Path file) {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** The error for a file that could not be opened or read. */
    static ModelException unreadable(Path file, IOException e) {
        String problem = e instanceof NoSuchFileException ? "does not exist" : "cannot read: " + OneLine.of(e);
        return new ModelException(file, problem, e);
    }

    /** Exactly {@code length} bytes from {@code position}, in a heap buffer (little-endian). */
    static ByteBuffer readFully(Path file, FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new ModelException(file, "the file ends at byte " + (position + buffer.position())
                        + " but " + length + " bytes were expected from byte " + position);
            }
        }
        return buffer.flip();
    }

    /**
     * {@code bytes} as an int, since one {@link ByteBuffer} holds at most 2 GiB. Every tensor and storage of a
     * translation model is far smaller, so a larger one means a corrupt file.
     *
     * @param what names the tensor or storage for the message
     */
    static int bufferSize(Path file, String what, long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new ModelException(file, what + " has " + bytes + " bytes, more than one buffer can hold (2 GiB)");
        }
        return (int) bytes;
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Nothing was written, so a failed close loses nothing.
        }
    }
}
