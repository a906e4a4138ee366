package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.jna.Platform;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JNA's own library kept in the cache instead of unpacked into a temporary file at every start. */
class JnaSetupTest {
    @TempDir
    Path tmp;

    @Test
    void theJarsLibraryIsWrittenOnceAndFoundAfter() throws Exception {
        byte[] jar;
        String name = System.mapLibraryName("jnidispatch");
        try (InputStream in = getClass().getClassLoader()
                .getResourceAsStream("com/sun/jna/" + Platform.RESOURCE_PREFIX + "/" + name)) {
            jar = in.readAllBytes();
        }
        Optional<Path> folder = JnaSetup.keptDispatchLibrary(tmp.resolve("native"));
        assertThat(folder).hasValueSatisfying(f -> assertThat(f.getFileName().toString()).startsWith("jnidispatch-"));
        Path file = folder.get().resolve(name);
        assertThat(Files.readAllBytes(file)).isEqualTo(jar);
        FileTime written = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(file, written);

        assertThat(JnaSetup.keptDispatchLibrary(tmp.resolve("native"))).isEqualTo(folder);
        assertThat(Files.getLastModifiedTime(file)).as("not written again").isEqualTo(written);
        try (var files = Files.list(folder.get())) {
            assertThat(files).as("no partial file left").containsExactly(file);
        }
    }

    @Test
    void aTruncatedCopyIsReplaced() throws Exception {
        Path folder = JnaSetup.keptDispatchLibrary(tmp.resolve("native")).orElseThrow();
        Path file = folder.resolve(System.mapLibraryName("jnidispatch"));
        long size = Files.size(file);
        Files.write(file, new byte[10]);
        assertThat(JnaSetup.keptDispatchLibrary(tmp.resolve("native"))).contains(folder);
        assertThat(Files.size(file)).isEqualTo(size);
    }

    @Test
    void aCacheThatCannotBeWrittenLeavesJnaToItself() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("file"), "x");
        assertThat(JnaSetup.keptDispatchLibrary(notAFolder.resolve("native"))).isEmpty();
    }
}
