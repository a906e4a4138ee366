package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.model.weights.PreparedWeightsFile.Entry;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Arrays found as slices of a few large mappings, in files larger than one Java buffer can map. */
class PreparedWeightsWindowsTest {
    private static final long MB = 1 << 20;

    @TempDir
    Path tmp;

    @Test
    void arraysOfAFileLargerThanOneMappingAreEachFoundWhole() throws IOException {
        Path file = tmp.resolve("big.prepared");
        long size = 3600 * MB; // sparse: nothing of it is on disk
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        Entry small = new Entry("small", new long[] {256, 1024}, 4096);
        Entry acrossOneGib = new Entry("across", new long[] {128, MB}, 600 * MB); // ends at 1112 MB
        Entry next = new Entry("next", new long[] {1}, 1112 * MB + 4096);
        Entry tooLarge = new Entry("tooLarge", new long[] {600, MB}, 1114 * MB); // 2400 MB: no buffer holds it
        Entry beyondTheEnd = new Entry("beyond", new long[] {2, MB}, 3598 * MB);
        writeFloat(file, acrossOneGib.offset() + acrossOneGib.bytes() - 4, 7f);
        writeFloat(file, next.offset(), 9f);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             PreparedWeightsWindows windows = new PreparedWeightsWindows(channel,
                     List.of(tooLarge, next, small, acrossOneGib, beyondTheEnd), size)) {
            assertThat(windows.slice(small).orElseThrow().capacity()).isEqualTo(MB);
            ByteBuffer across = windows.slice(acrossOneGib).orElseThrow();
            assertThat(across.capacity()).isEqualTo(512 * MB);
            assertThat(across.getFloat(across.capacity() - 4)).isEqualTo(7f);
            assertThat(windows.slice(next).orElseThrow().getFloat(0)).isEqualTo(9f);
            assertThat(windows.slice(tooLarge)).isEmpty();
            assertThat(windows.slice(beyondTheEnd)).isEmpty();
        }
    }

    private static void writeFloat(Path file, long position, float value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putFloat(value).flip(), position);
        }
    }
}
