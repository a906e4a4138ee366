package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code depeche} launcher script (src/main/sh/depeche, copied beside the jar by the build), run against a
 * stand-in {@code java} that records its arguments, writes the class archive it is asked for and exits with the
 * status it is given.
 */
class LauncherTest {
    private static final Path SCRIPT = Path.of("src/main/sh/depeche");

    @TempDir
    Path tmp;
    private Path target;
    private Path javaHome;
    private Path cache;
    private Path calls;

    @BeforeEach
    void setUp() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "a POSIX shell and GNU stat");
        target = Files.createDirectories(tmp.resolve("target"));
        Files.copy(SCRIPT, target.resolve("depeche"));
        Files.writeString(target.resolve("depeche.jar"), "a jar");
        javaHome = tmp.resolve("jdk");
        Files.createDirectories(javaHome.resolve("lib/server"));
        Files.writeString(javaHome.resolve("lib/server/libjvm.so"), "a JVM");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        calls = tmp.resolve("calls");
        Files.writeString(java, """
                #!/bin/sh
                for arg in "$@"; do printf '%s\\n' "$arg"; done > "$CALLS.$(ls "$CALLS".* 2>/dev/null | wc -l)"
                for arg in "$@"; do
                    case "$arg" in -XX:ArchiveClassesAtExit=*) printf 'classes' > "${arg#*=}" ;; esac
                done
                exit "${EXIT:-0}"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        cache = tmp.resolve("cache");
    }

    @Test
    void theFirstRunOfACommandWritesItsArchiveAndLaterRunsUseIt() throws Exception {
        assertThat(launch(Map.of(), "translate", "Le président a parlé.")).isZero();
        List<String> first = call(0);
        Path archive = onlyArchive();
        assertThat(archive.getFileName().toString()).startsWith("depeche-translate-").endsWith(".jsa");
        assertThat(first).contains("-XX:ArchiveClassesAtExit=" + archive + "." + pidOf(first) + ".partial",
                "-XX:TieredStopAtLevel=1", "-Xlog:all=warning,cds*=off:stderr");
        assertThat(first.subList(first.size() - 4, first.size()))
                .containsExactly("-jar", target.resolve("depeche.jar").toString(), "translate", "Le président a parlé.");

        assertThat(launch(Map.of(), "translate", "Bonjour.")).isZero();
        assertThat(call(1)).contains("-XX:SharedArchiveFile=" + archive)
                .noneMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit"));
        assertThat(onlyArchive()).isEqualTo(archive);
    }

    @Test
    void theBatchJobKeepsBothCompilersAndItsOwnArchive() throws Exception {
        assertThat(launch(Map.of(), "run", "--input", "seeds")).isZero();
        assertThat(call(0)).noneMatch(arg -> arg.startsWith("-XX:TieredStopAtLevel"));
        assertThat(onlyArchive().getFileName().toString()).startsWith("depeche-run-");
    }

    @Test
    void theExitStatusIsTheCommandsAndAFailedFirstRunLeavesNoArchive() throws Exception {
        assertThat(launch(Map.of("EXIT", "2"), "translate", "--model", "missing", "Bonjour.")).isEqualTo(2);
        assertThat(archives()).isEmpty();
        assertThat(launch(Map.of(), "translate", "Bonjour.")).isZero();
        assertThat(launch(Map.of("EXIT", "1"), "translate", "Bonjour.")).isEqualTo(1);
        assertThat(archives()).hasSize(1);
    }

    @Test
    void helpMakesNoArchiveAndACacheSetOffNoneAtAll() throws Exception {
        assertThat(launch(Map.of(), "translate", "--help")).isZero();
        assertThat(launch(Map.of("DEPECHE_CACHE", "off"), "translate", "Bonjour.")).isZero();
        assertThat(archives()).isEmpty();
        assertThat(Stream.of(call(0), call(1)).flatMap(List::stream))
                .noneMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit") || arg.startsWith("-XX:SharedArchive"));
    }

    @Test
    void aRebuiltJarGetsANewArchiveAndTheOldOneGoes() throws Exception {
        assertThat(launch(Map.of(), "translate", "Bonjour.")).isZero();
        Path old = onlyArchive();
        Files.setLastModifiedTime(target.resolve("depeche.jar"), FileTime.fromMillis(1_000_000_000_000L));

        assertThat(launch(Map.of(), "translate", "Bonjour.")).isZero();
        assertThat(call(1)).anyMatch(arg -> arg.startsWith("-XX:ArchiveClassesAtExit="));
        assertThat(onlyArchive()).isNotEqualTo(old);
    }

    private int launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", target.resolve("depeche").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", javaHome.toString());
        builder.environment().put("DEPECHE_CACHE", cache.toString());
        builder.environment().put("CALLS", calls.toString());
        builder.environment().remove("JAVA_OPTS");
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("the launcher prints nothing of its own").isEmpty();
        return process.exitValue();
    }

    private List<String> call(int index) throws IOException {
        return Files.readAllLines(Path.of(calls + "." + index));
    }

    private List<Path> archives() throws IOException {
        Path folder = cache.resolve("classes");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private Path onlyArchive() throws IOException {
        List<Path> archives = archives();
        assertThat(archives).hasSize(1);
        return archives.get(0);
    }

    private static String pidOf(List<String> call) {
        String partial = call.stream().filter(arg -> arg.startsWith("-XX:ArchiveClassesAtExit=")).findFirst()
                .orElseThrow();
        String[] parts = partial.split("\\.");
        return parts[parts.length - 2];
    }
}
