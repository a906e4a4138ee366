package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.testing.Cli;
import depeche.testing.DamagedWeights;
import depeche.testing.Fixtures;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model whose weights hold NaN or Inf is refused when loaded, with one line and exit code 2, not run. */
class NanWeightsTest {
    @TempDir
    Path tmp;

    @Test
    void translateRefusesNanWeightsNamingTheFileAndTheTensor() {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"));
        Path weights = model.resolve("model.safetensors");
        DamagedWeights.setF32(weights, "model.decoder.layers.0.fc1.weight", Float.NaN, 1, 2, 3);

        Cli.Result result = Cli.run("translate", "--model", model.toString(), "Bonjour");

        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).isEqualTo("depeche: " + weights + ": tensor 'model.decoder.layers.0.fc1.weight'"
                + " holds NaN (3 values); the weights are damaged\n");
    }

    @Test
    void summarizeRefusesAnInfiniteWeight() {
        Path model = Fixtures.copy(Fixtures.BART, tmp.resolve("b"));
        Path weights = model.resolve("model.safetensors");
        DamagedWeights.setF32(weights, "model.shared.weight", Float.NEGATIVE_INFINITY, 0);

        Cli.Result result = Cli.run("summarize", "--model", model.toString(), "Some English text to summarize.");

        assertThat(result.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(result.err()).isEqualTo("depeche: " + weights + ": tensor 'model.shared.weight' holds Inf"
                + " (1 value); the weights are damaged\n");
    }
}
