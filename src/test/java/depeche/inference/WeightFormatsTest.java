package depeche.inference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import depeche.testing.Cli;
import depeche.testing.Fixtures;
import depeche.testing.Generate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same model from pytorch_model.bin and from model.safetensors gives identical ids, for greedy and beam. */
class WeightFormatsTest {
    @TempDir
    Path tmp;

    @Test
    void pytorchBinAndSafetensorsGiveIdenticalIds() {
        Path fromBin = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("bin"), "model.safetensors");
        Path fromSafetensors = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("st"), "pytorch_model.bin");
        List<JsonNode> cases = Fixtures.list(Fixtures.golden(Fixtures.MARIAN).get("cases"));
        List<String> texts = cases.stream().map(c -> c.get("text").asText()).toList();
        try (LoadedModel bin = LoadedModel.load(fromBin); LoadedModel st = LoadedModel.load(fromSafetensors)) {
            for (int beams : new int[] {1, 4}) {
                var settings = bin.generationDefaults().withNumBeams(beams);
                List<Generated> a = Generate.all(bin, settings, texts);
                List<Generated> b = Generate.all(st, settings, texts);
                for (int i = 0; i < texts.size(); i++) {
                    long[] golden = Fixtures.ids(cases.get(i).get(beams == 1 ? "greedy_ids" : "beam_ids"));
                    assertThat(a.get(i).ids()).isEqualTo(b.get(i).ids())
                            .isEqualTo(java.util.Arrays.copyOfRange(golden, 1, golden.length));
                }
            }
        }
    }

    @Test
    void aPickleNamingAnyOtherGlobalIsRefusedWithExitCode2() throws IOException {
        Path model = Fixtures.copy(Fixtures.MARIAN, tmp.resolve("evil"), "model.safetensors", "pytorch_model.bin");
        Path marker = tmp.resolve("pwned");
        // protocol 2: GLOBAL 'posix system', the command, TUPLE1, REDUCE, STOP — what pickle writes for os.system.
        String command = "touch " + marker;
        java.io.ByteArrayOutputStream pickle = new java.io.ByteArrayOutputStream();
        pickle.write(new byte[] {(byte) 0x80, 2});
        pickle.writeBytes("cposix\nsystem\n".getBytes());
        pickle.write('X');
        pickle.writeBytes(java.nio.ByteBuffer.allocate(4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .putInt(command.length()).array());
        pickle.writeBytes(command.getBytes());
        pickle.writeBytes(new byte[] {(byte) 0x85, 'R', '.'});
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(model.resolve("pytorch_model.bin")))) {
            zip.putNextEntry(new ZipEntry("archive/data.pkl"));
            zip.write(pickle.toByteArray());
            zip.closeEntry();
        }
        Cli.Result r = Cli.run("translate", "--model", model.toString(), "Bonjour");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("pytorch_model.bin", "posix.system").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(marker).doesNotExist();
    }
}
