package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command in its own JVM, through {@link Main#main}: its exit skips libtorch's native teardown
 * ({@code TorchRuntime.skipNativeTeardownAtExit}), and keeps its exit status and everything it printed.
 */
class ProcessExitTest {
    @TempDir
    Path tmp;

    @Test
    void aTranslationPrintsAllItsOutputAndExitsZero() throws Exception {
        Result result = depeche("translate", "--model", Fixtures.dir(Fixtures.MARIAN).toString(), "--beams", "1",
                "--max-length", "8", "--json", "Bonjour tout le monde.");
        assertThat(result.code()).isZero();
        assertThat(result.out()).startsWith("{\"translation\":").endsWith("}\n");
    }

    @Test
    void aUsageErrorAfterTheEngineStartedStillExitsTwo() throws Exception {
        Result result = depeche("translate", "--model", tmp.resolve("missing").toString(), "Bonjour.");
        assertThat(result.code()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.err()).contains("no such model folder");
    }

    private record Result(int code, String out, String err) {
    }

    private Result depeche(String... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dai.djl.offline=true", "-Ddepeche.weightsCache.dir=" + tmp.resolve("cache/weights"), "-cp",
                classpath, Main.class.getName()));
        command.addAll(List.of(args));
        Path out = tmp.resolve("stdout.txt");
        Path err = tmp.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
