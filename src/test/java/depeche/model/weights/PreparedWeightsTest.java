package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.model.weights.PreparedWeightsFile.Source;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache file itself: what it keeps, when it is trusted, and that nothing about it can fail a load. */
class PreparedWeightsTest {
    private static final long[] MATRIX = {2, 3};
    private static final long[] VECTOR = {5};

    @TempDir
    Path tmp;
    private Path source;
    private Path cacheFile;

    @BeforeEach
    void sourceFile() throws IOException {
        source = Files.write(tmp.resolve("model.safetensors"), new byte[] {1, 2, 3, 4});
        cacheFile = tmp.resolve("cache").resolve("model-0.prepared");
    }

    private List<Source> sources() throws IOException {
        return List.of(Source.of(source));
    }

    private static ByteBuffer floats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocateDirect(4 * values.length).order(ByteOrder.nativeOrder());
        bytes.asFloatBuffer().put(values);
        return bytes;
    }

    private static float[] floatsOf(ByteBuffer bytes) {
        float[] values = new float[bytes.remaining() / 4];
        bytes.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer().get(values);
        return values;
    }

    /** A load that finds nothing, makes the matrix and the vector, and commits. */
    private PreparedWeights firstLoad() throws IOException {
        PreparedWeights prepared = PreparedWeights.open(cacheFile, sources());
        assertThat(prepared.find("m:column-major", MATRIX)).isEmpty();
        prepared.add("m:column-major", MATRIX, () -> floats(1, 2, 3, 4, 5, 6));
        assertThat(prepared.find("v:float32", VECTOR)).isEmpty();
        prepared.add("v:float32", VECTOR, () -> floats(-1, 0.5f, Float.MIN_VALUE, 1e30f, -0f));
        prepared.commit();
        return prepared;
    }

    @Test
    void aLaterLoadMapsTheArraysTheFirstMade() throws IOException {
        try (PreparedWeights first = firstLoad()) {
            assertThat(first.wrote()).isTrue();
            assertThat(first.misses()).isEqualTo(2);
        }
        try (PreparedWeights second = PreparedWeights.open(cacheFile, sources())) {
            ByteBuffer matrix = second.find("m:column-major", MATRIX).orElseThrow();
            assertThat(matrix.isDirect()).isTrue();
            assertThat(floatsOf(matrix)).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(floatsOf(second.find("v:float32", VECTOR).orElseThrow()))
                    .containsExactly(-1, 0.5f, Float.MIN_VALUE, 1e30f, -0f);
            second.commit();
            assertThat(second.hits()).isEqualTo(2);
            assertThat(second.misses()).isZero();
            assertThat(second.wrote()).as("nothing was missing, so nothing is rewritten").isFalse();
        }
        assertThat(tmp.resolve("cache")).isDirectoryContaining(p -> p.equals(cacheFile));
        assertThat(tmp.resolve("cache")).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void arraysOfEverySizeComeBackWholeAndLargeOnesStartOnAHugePage() throws IOException {
        long[][] shapes = {{262_145}, {3, 262_144}, {5}, {524_288}, {700, 256}, {2}};
        try (PreparedWeights first = PreparedWeights.open(cacheFile, sources())) {
            for (int i = 0; i < shapes.length; i++) {
                first.add("a" + i, shapes[i], bytesOf(shapes[i], i));
            }
            first.commit();
            assertThat(first.wrote()).isTrue();
        }
        try (PreparedWeights later = PreparedWeights.open(cacheFile, sources())) {
            for (int i = 0; i < shapes.length; i++) {
                assertThat(later.find("a" + i, shapes[i])).as("array %d", i)
                        .hasValue(bytesOf(shapes[i], i).get().order(ByteOrder.nativeOrder()));
            }
        }
        try (FileChannel channel = FileChannel.open(cacheFile)) {
            var index = PreparedWeightsFile.readIndex(cacheFile, channel, sources()).orElseThrow();
            assertThat(index.values()).allSatisfy(entry -> assertThat(entry.offset()
                    % (entry.bytes() >= (2 << 20) ? 2 << 20 : 4096)).as(entry.key()).isZero());
        }
    }

    /** Distinct values for array {@code seed} of {@code shape}. */
    private static Supplier<ByteBuffer> bytesOf(long[] shape, int seed) {
        return () -> {
            int n = (int) TensorInfo.numel(shape);
            float[] values = new float[n];
            for (int i = 0; i < n; i++) {
                values[i] = seed * 1e6f + i;
            }
            return floats(values);
        };
    }

    @Test
    void anotherShapeUnderTheSameKeyIsAMiss() throws IOException {
        firstLoad().close();
        try (PreparedWeights later = PreparedWeights.open(cacheFile, sources())) {
            assertThat(later.find("m:column-major", new long[] {3, 2})).isEmpty();
            assertThat(later.find("absent", MATRIX)).isEmpty();
        }
    }

    @Test
    void aSourceWithAnotherModificationTimeOrSizeIsNotTrusted() throws IOException {
        firstLoad().close();
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plus(1, ChronoUnit.MINUTES)));
        try (PreparedWeights later = PreparedWeights.open(cacheFile, sources())) {
            assertThat(later.find("m:column-major", MATRIX)).isEmpty();
        }
        firstLoad().close();
        FileTime modified = Files.getLastModifiedTime(source);
        Files.write(source, new byte[] {1, 2, 3, 4, 5});
        Files.setLastModifiedTime(source, modified);
        try (PreparedWeights later = PreparedWeights.open(cacheFile, sources())) {
            assertThat(later.find("m:column-major", MATRIX)).isEmpty();
        }
    }

    @Test
    void aShardMoreOrLessIsNotTrusted() throws IOException {
        firstLoad().close();
        Path shard = Files.write(tmp.resolve("model-00002.safetensors"), new byte[] {9});
        try (PreparedWeights later = PreparedWeights.open(cacheFile, List.of(Source.of(source), Source.of(shard)))) {
            assertThat(later.find("m:column-major", MATRIX)).isEmpty();
        }
    }

    @Test
    void aDamagedFileIsIgnoredAndRebuilt() throws IOException {
        List<ThrowingEdit> damages = List.of(
                file -> truncate(file, Files.size(file) - 1),
                file -> truncate(file, 5000), // the first array's page and nothing after it
                file -> Files.write(file, new byte[] {0}, StandardOpenOption.APPEND),
                file -> Files.write(file, "not a cache at all".getBytes()),
                file -> Files.write(file, new byte[0]),
                file -> patchLong(file, 8, PreparedWeightsFile.FORMAT + 1), // a file of another format
                file -> patchLong(file, Files.size(file) - 24, 1L << 40)); // an index beyond the end
        for (ThrowingEdit damage : damages) {
            Files.deleteIfExists(cacheFile);
            firstLoad().close();
            damage.apply(cacheFile);
            try (PreparedWeights rebuilt = firstLoad()) {
                assertThat(rebuilt.hits()).isZero();
                assertThat(rebuilt.wrote()).isTrue();
            }
            try (PreparedWeights later = PreparedWeights.open(cacheFile, sources())) {
                assertThat(floatsOf(later.find("m:column-major", MATRIX).orElseThrow()))
                        .containsExactly(1, 2, 3, 4, 5, 6);
            }
        }
    }

    @Test
    void aFolderThatCannotBeWrittenLeavesTheLoadWithoutCache() throws IOException {
        Files.write(tmp.resolve("cache"), new byte[] {1}); // a file where the folder should be
        try (PreparedWeights prepared = firstLoad()) {
            assertThat(prepared.wrote()).isFalse();
            assertThat(prepared.misses()).isEqualTo(2);
        }
        assertThat(Files.isRegularFile(tmp.resolve("cache"))).isTrue();
    }

    @Test
    void anArrayOfTheWrongSizeIsNotWrittenAndTheLoadGoesOn() throws IOException {
        try (PreparedWeights prepared = PreparedWeights.open(cacheFile, sources())) {
            prepared.add("m:column-major", MATRIX, () -> floats(1, 2, 3));
            prepared.commit();
            assertThat(prepared.wrote()).isFalse();
        }
        assertThat(cacheFile).doesNotExist();
        assertThat(tmp.resolve("cache")).isEmptyDirectory();
    }

    @Test
    void aLoadThatFindsSomeAndMakesOthersRewritesTheFileWithAll() throws IOException {
        try (PreparedWeights first = PreparedWeights.open(cacheFile, sources())) {
            first.add("m:column-major", MATRIX, () -> floats(1, 2, 3, 4, 5, 6));
            first.commit();
        }
        try (PreparedWeights second = PreparedWeights.open(cacheFile, sources())) {
            assertThat(second.find("m:column-major", MATRIX)).isPresent();
            second.add("v:float32", VECTOR, () -> floats(1, 2, 3, 4, 5));
            second.commit();
            assertThat(second.wrote()).isTrue();
        }
        try (PreparedWeights third = PreparedWeights.open(cacheFile, sources())) {
            assertThat(floatsOf(third.find("m:column-major", MATRIX).orElseThrow())).containsExactly(1, 2, 3, 4, 5, 6);
            assertThat(floatsOf(third.find("v:float32", VECTOR).orElseThrow())).containsExactly(1, 2, 3, 4, 5);
        }
    }

    @Test
    void aLoadClosedBeforeItCompletesLeavesNothingBehind() throws IOException {
        try (PreparedWeights prepared = PreparedWeights.open(cacheFile, sources())) {
            prepared.add("m:column-major", MATRIX, () -> floats(1, 2, 3, 4, 5, 6));
        }
        assertThat(tmp.resolve("cache")).isEmptyDirectory();
    }

    @Test
    void temporaryFilesOfKilledWritersGoAfterAnHour() throws IOException {
        Path folder = Files.createDirectories(cacheFile.getParent());
        Path stale = Files.write(folder.resolve("model-0.prepared.123.tmp"), new byte[] {1});
        Files.setLastModifiedTime(stale, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        Path writing = Files.write(folder.resolve("model-0.prepared.456.tmp"), new byte[] {1});
        Path someoneElses = Files.write(folder.resolve("notes.tmp"), new byte[] {1});
        Files.setLastModifiedTime(someoneElses, FileTime.from(Instant.now().minus(2, ChronoUnit.HOURS)));
        firstLoad().close();
        assertThat(stale).doesNotExist();
        assertThat(writing).exists();
        assertThat(someoneElses).exists();
    }

    @Test
    void writingDeletesTheFilesOfCheckpointsThatAreGone() throws IOException {
        Path goneSource = Files.write(tmp.resolve("gone.safetensors"), new byte[] {1});
        Path gone = cacheFile.resolveSibling("gone-1.prepared");
        Path keptSource = Files.write(tmp.resolve("kept.safetensors"), new byte[] {2});
        Path kept = cacheFile.resolveSibling("kept-2.prepared");
        for (Path[] pair : new Path[][] {{goneSource, gone}, {keptSource, kept}}) {
            try (PreparedWeights prepared = PreparedWeights.open(pair[1], List.of(Source.of(pair[0])))) {
                prepared.add("m:column-major", MATRIX, () -> floats(1, 2, 3, 4, 5, 6));
                prepared.commit();
            }
        }
        Path notOurs = Files.write(cacheFile.resolveSibling("unknown-3.prepared"), new byte[] {1, 2, 3});
        Files.delete(goneSource);
        firstLoad().close();
        assertThat(gone).doesNotExist();
        assertThat(kept).exists();
        assertThat(notOurs).as("what cannot be read is not known to be an orphan").exists();
        assertThat(cacheFile).exists();
    }

    @Test
    void offFindsNothingAndWritesNothing() {
        try (PreparedWeights off = PreparedWeights.off()) {
            assertThat(off.find("m:column-major", MATRIX)).isEmpty();
            off.add("m:column-major", MATRIX, () -> {
                throw new AssertionError("the bytes are not needed when nothing is written");
            });
            off.commit();
            assertThat(off.wrote()).isFalse();
            assertThat(off.file()).isEmpty();
        }
        assertThat(tmp.resolve("cache")).doesNotExist();
    }

    private interface ThrowingEdit {
        void apply(Path file) throws IOException;
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }

    private static void patchLong(Path file, long position, long value) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).flip(), position);
        }
    }
}
