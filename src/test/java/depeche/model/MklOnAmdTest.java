package depeche.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.jna.NativeLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared object {@link MklOnAmd} writes is one the system loader accepts, and its function answers 1. */
class MklOnAmdTest {

    @Test
    void theWrittenLibraryLoadsAndItsFunctionReturnsOne(@TempDir Path dir) throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64"), "an x86-64 ELF library: Linux x86-64 only");
        Path file = Files.write(dir.resolve("libanswer.so"), MklOnAmd.sharedObject("depeche_test_answer"));

        NativeLibrary library = NativeLibrary.getInstance(file.toString());

        assertThat(library.getFunction("depeche_test_answer").invokeInt(new Object[0])).isEqualTo(1);
    }

    @Test
    void onAnAmdProcessorTheDefinitionIsInTheProcesssGlobalScope() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux")
                && System.getProperty("os.arch").matches("amd64|x86_64")
                && Files.readString(Path.of("/proc/cpuinfo")).contains("AuthenticAMD")
                && !"generic".equalsIgnoreCase(System.getenv(MklOnAmd.SWITCH)), "Linux x86-64 on an AMD processor");

        assertThat(MklOnAmd.apply()).isTrue();

        // The global scope is where libtorch_cpu's PLT slot for the symbol is resolved (libtorch itself is loaded
        // locally, so its own definition is not found here at all).
        assertThat(NativeLibrary.getProcess().getFunction(MklOnAmd.SYMBOL).invokeInt(new Object[0])).isEqualTo(1);
        // Written to a file in memory (no temporary file, no SecureRandom set up before libtorch), mapped, and its
        // descriptor closed.
        assertThat(Files.readString(Path.of("/proc/self/maps"))).contains("/memfd:depeche-mkl");
        try (var descriptors = Files.list(Path.of("/proc/self/fd"))) {
            assertThat(descriptors.map(MklOnAmdTest::target)).noneMatch(target -> target.contains("depeche-mkl"));
        }
    }

    private static String target(Path descriptor) {
        try {
            return Files.readSymbolicLink(descriptor).toString();
        } catch (IOException e) {
            return ""; // closed while listed (the listing's own descriptor)
        }
    }

    @Test
    void theLibraryIsAFewPagesWithTheSymbolNamed() {
        byte[] bytes = MklOnAmd.sharedObject(MklOnAmd.SYMBOL);

        assertThat(bytes).hasSizeLessThan(8192).startsWith(0x7F, 'E', 'L', 'F');
        assertThat(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(MklOnAmd.SYMBOL + "\0");
    }
}
