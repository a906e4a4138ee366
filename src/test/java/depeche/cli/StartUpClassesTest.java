package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a one-sentence {@code translate} in its own JVM does not load: each of these took 10-20 ms of its start
 * before (bench README, "Start-up"), for nothing the command needs.
 */
class StartUpClassesTest {
    @TempDir
    Path tmp;

    @Test
    void aTranslationLoadsNoneOfTheClassesItDoesNotNeed() throws Exception {
        Path log = tmp.resolve("classes.log");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xlog:class+load:file=" + log, "-Ddepeche.weightsCache.dir=" + tmp.resolve("cache/weights"), "-cp", classpath,
                Main.class.getName(), "translate", "--model", Fixtures.dir(Fixtures.MARIAN).toString(), "--beams", "1",
                "--max-length", "8", "Le président a annoncé hier une réforme."));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("output.txt").toFile()).start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(tmp.resolve("output.txt"))).isZero();

        String loaded = Files.readString(log);
        assertThat(loaded).as("the translation ran").contains("depeche.model.Seq2SeqModel ");
        assertThat(loaded).as("picocli's java.time and java.sql converters (picocli.converters.excludes)")
                .doesNotContain("java.time.format.DateTimeFormatter ").doesNotContain("java.sql.");
        assertThat(loaded).as("ICU's character properties (Spaces has White_Space itself)")
                .doesNotContain("com.ibm.icu.impl.UCharacterProperty ");
        // (With the cache off, JNA itself unpacks its library into a temporary file, and so sets them up.)
        assertThat(loaded).as("SecureRandom's providers (MklOnAmd writes into a memfd, not a temporary file)")
                .doesNotContain("sun.security.provider.NativePRNG ");
    }
}
