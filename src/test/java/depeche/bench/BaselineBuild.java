package depeche.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The main classes of another git revision, compiled against today's libraries into
 * {@code target/bench-baseline/<commit>/classes} (once per commit), so the benchmark can run "before" beside
 * "after" without keeping old code in the source tree.
 */
final class BaselineBuild {
    private BaselineBuild() {
    }

    static Path classes(String revision, String libraries) throws IOException, InterruptedException {
        String commit = run(List.of("git", "rev-parse", "--verify", revision + "^{commit}")).trim();
        Path root = Path.of("target", "bench-baseline", commit.substring(0, 12)).toAbsolutePath();
        Path classes = root.resolve("classes");
        Path done = root.resolve("compiled");
        if (Files.exists(done)) {
            return classes;
        }
        deleteRecursively(root);
        Files.createDirectories(classes);
        Path tar = root.resolve("sources.tar");
        run(List.of("git", "archive", "--format=tar", "-o", tar.toString(), commit, "src/main/java"));
        run(List.of("tar", "-xf", tar.toString(), "-C", root.toString()));
        List<String> arguments = new ArrayList<>(List.of("-nowarn", "-proc:none", "--release", "17",
                "-encoding", "UTF-8", "-classpath", libraries, "-d", classes.toString()));
        try (Stream<Path> sources = Files.walk(root.resolve("src/main/java"))) {
            sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> arguments.add(p.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new IllegalStateException("the sources of " + revision + " do not compile");
        }
        Files.createFile(done);
        return classes;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return out;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
