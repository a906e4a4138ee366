package depeche.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private static AtomicFiles.Content failingMidway(Exception failure) {
        return out -> {
            out.write("début du fichier…".getBytes(UTF_8));
            out.flush();
            if (failure instanceof IOException io) {
                throw io;
            }
            throw (RuntimeException) failure;
        };
    }

    @Test
    void writesTheWholeContentAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("a.md");
        AtomicFiles.write(target, out -> {
            out.write("tout ".getBytes(UTF_8));
            out.close(); // libraries close what they are given: must not break the write
        });
        assertThat(target).hasContent("tout ");
        assertThat(files()).containsExactly("a.md");
    }

    @Test
    void writerFailingMidwayLeavesNeitherPartialFileNorTemporaryFile() {
        Path target = dir.resolve("a.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, failingMidway(new IOException("disque plein"))))
                .isInstanceOf(IOException.class).hasMessage("disque plein");
        assertThatThrownBy(() -> AtomicFiles.write(target, failingMidway(new IllegalStateException("bogue"))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void writerFailingMidwayKeepsThePreviousVersion() throws IOException {
        Path target = Files.writeString(dir.resolve("a.html"), "version précédente");
        assertThatThrownBy(() -> AtomicFiles.write(target, failingMidway(new IOException("panne"))))
                .isInstanceOf(IOException.class);
        assertThat(target).hasContent("version précédente");
        assertThat(files()).containsExactly("a.html");
    }

    @Test
    void replacesAnEarlierVersionAndAStaleTemporaryFile() throws IOException {
        Path target = Files.writeString(dir.resolve("a.tmx"), "ancienne");
        Files.writeString(AtomicFiles.temporaryFileOf(target), "reste d'un arrêt brutal, plus long que la suite");
        AtomicFiles.write(target, out -> out.write("nouvelle".getBytes(UTF_8)));
        assertThat(target).hasContent("nouvelle");
        assertThat(files()).containsExactly("a.tmx");
    }

    private List<String> files() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
