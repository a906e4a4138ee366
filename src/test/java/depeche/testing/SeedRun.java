package depeche.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code depeche run} on the seed article with the tiny fixture model, for tests that look at its outputs. */
public final class SeedRun {
    /** The seed article's id, and so its output files' name. */
    public static final String ID = "000_8e5b8d439f3d6119";

    private SeedRun() {
    }

    /**
     * Runs the seed article from {@code dir/in} into {@code dir/out} (offline, extractive summary unless
     * {@code options} say otherwise), checks it succeeded, and returns the output folder.
     */
    public static Path run(Path dir, String... options) throws IOException {
        Path input = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("seeds", ID + ".txt"), input.resolve(ID + ".txt"));
        Path output = dir.resolve("out");
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString(),
                "--translation-model", Fixtures.dir(Fixtures.MARIAN).toString(), "--offline",
                "--models", dir.resolve("no-models").toString()));
        if (!List.of(options).contains("--summarizer")) {
            args.addAll(List.of("--summarizer", "extractive"));
        }
        args.addAll(List.of(options));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        return output;
    }
}
