package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.testing.Cli;
import depeche.testing.Fixtures;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A damaged model folder gives one line naming the file and the problem, and exit code 2. */
class ModelFolderErrorsTest {
    @TempDir
    Path tmp;

    private Cli.Result translate(Path model) {
        return Cli.run("translate", "--model", model.toString(), "Bonjour");
    }

    private static void assertOneLineError(Cli.Result r, String... fragments) {
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
        assertThat(r.err()).startsWith("depeche: ").contains(fragments).doesNotContain("Exception");
    }

    @Test
    void missingConfig() {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"), "config.json");
        assertOneLineError(translate(model), "config.json", "file not found");
    }

    @Test
    void configThatIsNotJson() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"));
        Files.writeString(model.resolve("config.json"), "{\"model_type\": ");
        assertOneLineError(translate(model), "config.json", "invalid JSON");
    }

    @Test
    void unsupportedModelType() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"));
        Files.writeString(model.resolve("config.json"),
                Files.readString(model.resolve("config.json")).replace("\"marian\"", "\"t5\""));
        assertOneLineError(translate(model), "config.json", "model_type 't5' is not supported");
    }

    @Test
    void noWeightsAtAll() {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"), "model.safetensors", "pytorch_model.bin");
        assertOneLineError(translate(model), "no weights");
    }

    @Test
    void truncatedSafetensors() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"), "pytorch_model.bin");
        Path weights = model.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, java.util.Arrays.copyOf(bytes, bytes.length - 1000));
        assertOneLineError(translate(model), "model.safetensors");
    }

    @Test
    void safetensorsHeaderClaimingMoreBytesThanTheFileHas() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"), "pytorch_model.bin");
        Path weights = model.resolve("model.safetensors");
        byte[] bytes = Files.readAllBytes(weights);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, bytes.length + 10L);
        Files.write(weights, bytes);
        assertOneLineError(translate(model), "model.safetensors", "header");
    }

    @Test
    void tensorMissing() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"), "pytorch_model.bin");
        renameTensor(model.resolve("model.safetensors"), "model.encoder.layers.1.fc2.weight",
                "model.encoder.layers.1.fc2.weighX");
        assertOneLineError(translate(model), "model.safetensors", "model.encoder.layers.1.fc2.weight", "missing");
    }

    @Test
    void tensorOfTheWrongShape() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("m"));
        Files.writeString(model.resolve("config.json"), Files.readString(model.resolve("config.json"))
                .replace("\"encoder_ffn_dim\": 64", "\"encoder_ffn_dim\": 48"));
        assertOneLineError(translate(model), "model.safetensors", "model.encoder.layers.0.fc1.weight",
                "[64, 32]", "[48, 32]");
    }

    /** Renames a tensor in a safetensors header in place (same length, so offsets stay valid). */
    private static void renameTensor(Path file, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String all = new String(bytes, StandardCharsets.ISO_8859_1);
        Files.write(file, all.replace("\"" + from + "\"", "\"" + to + "\"").getBytes(StandardCharsets.ISO_8859_1));
    }
}
