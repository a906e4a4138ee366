package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.hub.FakeHub;
import depeche.hub.HubTestSupport;
import depeche.testing.DamagedWeights;
import depeche.testing.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code depeche models …} through {@link Main#run}, against a loopback hub. */
class ModelsCommandTest {
    @TempDir
    Path temp;
    Path models;
    FakeHub hub;
    final Map<String, String> environment = new HashMap<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void setUp() {
        hub = HubTestSupport.hubWithFixtures();
        models = HubTestSupport.modelsDirWithTestCatalog(temp);
        environment.put("HF_ENDPOINT", hub.endpoint());
        ModelsCommand.environment = environment::get;
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void tearDown() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        ModelsCommand.environment = System::getenv;
        hub.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return Main.run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void fetchInstallsACatalogModelAndSaysSo() {
        assertThat(run("models", "fetch", "tiny-marian", "--models", models.toString())).isEqualTo(Main.EXIT_OK);

        assertThat(stderr()).startsWith("Fetching test-org/tiny-marian @ 3f1c0a9 into " + models.resolve("tiny-marian")
                + "/: 8 files, ").contains("Installed " + models.resolve("tiny-marian") + "/");
        assertThat(models.resolve("tiny-marian/model.safetensors"))
                .hasSameBinaryContentAs(HubTestSupport.fixture("tiny-marian").resolve("model.safetensors"));
    }

    @Test
    void fetchWithoutANameInstallsTheMissingDefaults() {
        assertThat(run("models", "fetch", "--models", models.toString())).isEqualTo(Main.EXIT_OK);

        assertThat(models.resolve("tiny-marian")).isDirectory();
        assertThat(models.resolve("tiny-bart")).isDirectory();
        assertThat(run("models", "fetch", "--models", models.toString())).isEqualTo(Main.EXIT_OK);
        assertThat(stderr()).contains("tiny-marian/ is already installed");
    }

    @Test
    void fetchTakesAnyRepositoryId() {
        assertThat(run("models", "fetch", HubTestSupport.BART_REPO, "--revision", FakeHub.COMMIT, "--models",
                models.toString())).isEqualTo(Main.EXIT_OK);

        assertThat(models.resolve("tiny-bart/tokenizer.json")).exists();
    }

    @Test
    void listShowsTypeSizeTokenizerAndWhatIsMissing() throws IOException {
        run("models", "fetch", "tiny-marian", "--models", models.toString());
        Path copied = Files.createDirectories(models.resolve("half-copied"));
        Files.copy(HubTestSupport.fixture("tiny-bart").resolve("config.json"), copied.resolve("config.json"));

        assertThat(run("models", "list", "--models", models.toString())).isEqualTo(Main.EXIT_OK);

        assertThat(stdout()).startsWith("NAME ");
        assertThat(stdout()).containsPattern("half-copied +bart +\\? +935 B +none +incomplete: model.safetensors or"
                + " pytorch_model.bin; tokenizer files");
        assertThat(stdout()).containsPattern("tiny-marian +marian +56117 +724\\.4 kB +spm\\+vocab +complete,"
                + " test-org/tiny-marian @ 3f1c0a9");
        assertThat(stdout()).containsPattern("tiny-bart +- +- +- +- +not installed \\(default summarization model\\):"
                + " depeche models fetch tiny-bart");
    }

    @Test
    void verifyRechecksTheSha256s() throws IOException {
        run("models", "fetch", "tiny-marian", "--models", models.toString());

        assertThat(run("models", "verify", "--models", models.toString())).isEqualTo(Main.EXIT_OK);
        assertThat(stdout()).isEqualTo("tiny-marian: ok (8 files match their sha256)\n");

        Path spm = models.resolve("tiny-marian/target.spm");
        byte[] bytes = Files.readAllBytes(spm);
        bytes[bytes.length / 2] ^= 1;
        Files.write(spm, bytes);

        assertThat(run("models", "verify", "tiny-marian", "--models", models.toString()))
                .isEqualTo(Main.EXIT_SOME_FAILED);
        assertThat(stdout()).startsWith("tiny-marian: FAILED: target.spm has sha256 ");
    }

    @Test
    void verifySaysWhenPublishedWeightsHoldNanThoughTheirChecksumsMatch() throws IOException {
        Path damaged = Fixtures.copy(Fixtures.MARIAN, temp.resolve("damaged"));
        DamagedWeights.setF32(damaged.resolve("model.safetensors"), "model.encoder.layers.1.fc2.bias", Float.NaN, 4);
        hub.addRepo(HubTestSupport.MARIAN_REPO, damaged);
        run("models", "fetch", "tiny-marian", "--models", models.toString());

        assertThat(run("models", "verify", "--models", models.toString())).isEqualTo(Main.EXIT_SOME_FAILED);
        assertThat(stdout()).isEqualTo("tiny-marian: FAILED: model.safetensors: tensor"
                + " 'model.encoder.layers.1.fc2.bias' holds NaN (1 value); the weights are damaged\n");
    }

    @Test
    void verifyChecksTheWeightsOfAFolderCopiedByHandToo() throws IOException {
        Path copied = Fixtures.copy(Fixtures.BART, models.resolve("copied"), "golden.json");
        assertThat(run("models", "verify", "copied", "--models", models.toString())).isEqualTo(Main.EXIT_OK);
        assertThat(stdout()).startsWith("copied: complete, but copied by hand");

        DamagedWeights.setF32(copied.resolve("model.safetensors"), "final_logits_bias", Float.POSITIVE_INFINITY, 0, 1);

        assertThat(run("models", "verify", "copied", "--models", models.toString())).isEqualTo(Main.EXIT_SOME_FAILED);
        assertThat(stdout()).isEqualTo("copied: FAILED: model.safetensors: tensor 'final_logits_bias' holds Inf"
                + " (2 values); the weights are damaged\n");
    }

    @Test
    void verifySaysWhenTheWeightsFileIsUnreadable() throws IOException {
        Path copied = Fixtures.copy(Fixtures.BART, models.resolve("copied"));
        Files.write(copied.resolve("model.safetensors"), new byte[5]);

        assertThat(run("models", "verify", "copied", "--models", models.toString())).isEqualTo(Main.EXIT_SOME_FAILED);
        assertThat(stdout()).isEqualTo("copied: FAILED: model.safetensors: the file has only 5 bytes, too few for"
                + " the 8-byte safetensors header length\n");
    }

    @Test
    void aMirrorWithoutChecksumsNeedsAllowUnverifiedAndIsNeverCalledVerified() {
        hub.addRepo(HubTestSupport.MARIAN_REPO, HubTestSupport.fixture("tiny-marian"))
                .listing(FakeHub.Listing.NAMES_ONLY);

        assertThat(run("models", "fetch", "tiny-marian", "--models", models.toString())).isEqualTo(Main.EXIT_USAGE);
        assertThat(stderr()).hasLineCount(1).startsWith("depeche: " + models.resolve("tiny-marian") + ": ")
                .contains("lists no checksum (sha256 or git blob id) for config.json, ")
                .endsWith("install it unverified with `depeche models fetch tiny-marian --allow-unverified`\n");
        assertThat(models.resolve("tiny-marian")).doesNotExist();

        assertThat(run("models", "fetch", "tiny-marian", "--allow-unverified", "--models", models.toString()))
                .isEqualTo(Main.EXIT_OK);
        assertThat(stderr()).contains("  warning: the hub lists no checksum for config.json, ")
                .contains("Installed " + models.resolve("tiny-marian") + "/ (8 files, ")
                .contains("UNVERIFIED: the hub listed no checksums, test-org/tiny-marian @ 3f1c0a9)")
                .doesNotContain("checksums verified");

        assertThat(run("models", "verify", "--models", models.toString())).isEqualTo(Main.EXIT_OK);
        assertThat(stdout()).isEqualTo("tiny-marian: unverified: its 8 files match the sha256 recorded when they"
                + " were fetched, but the hub listed no checksum for config.json, generation_config.json,"
                + " model.safetensors, source.spm, special_tokens_map.json, target.spm, tokenizer_config.json,"
                + " vocab.json, so nothing shows they are the files published\n");
    }

    @Test
    void verifyOfAModelThatIsNotInstalledSaysHowToFetchIt() {
        assertThat(run("models", "verify", "tiny-bart", "--models", models.toString())).isEqualTo(Main.EXIT_USAGE);

        assertThat(stderr()).isEqualTo("depeche: " + models.resolve("tiny-bart")
                + ": not installed: run `depeche models fetch tiny-bart`\n");
    }

    @Test
    void anUnreachableHubIsOneLineAndExitCode2() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            environment.put("HF_ENDPOINT", "http://127.0.0.1:" + socket.getLocalPort());
        }

        assertThat(run("models", "fetch", "tiny-marian", "--models", models.toString())).isEqualTo(Main.EXIT_USAGE);

        assertThat(stderr()).hasLineCount(1).startsWith("depeche: " + models.resolve("tiny-marian") + ": cannot reach ")
                .contains("copy the folder to " + models.resolve("tiny-marian") + "/");
        assertThat(models.resolve("tiny-marian")).doesNotExist();
    }

    @Test
    void hfHubOfflineRefusesToFetchWithoutTouchingTheNetwork() {
        environment.put("HF_HUB_OFFLINE", "1");

        assertThat(run("models", "fetch", "tiny-marian", "--models", models.toString())).isEqualTo(Main.EXIT_USAGE);

        assertThat(stderr()).hasLineCount(1).contains("HF_HUB_OFFLINE is set");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void aChecksumMismatchFailsWithExitCode2() {
        hub.addRepo(HubTestSupport.MARIAN_REPO, HubTestSupport.fixture("tiny-marian")).lieAboutSha256("source.spm");

        assertThat(run("models", "fetch", "tiny-marian", "--models", models.toString())).isEqualTo(Main.EXIT_USAGE);

        assertThat(stderr()).contains("depeche: ").contains("source.spm").contains("sha256");
        assertThat(models.resolve("tiny-marian")).doesNotExist();
    }

    @Test
    void anUnknownNameIsAUsageError() {
        assertThat(run("models", "fetch", "marian", "--models", models.toString())).isEqualTo(Main.EXIT_USAGE);

        assertThat(stderr()).isEqualTo("depeche: 'marian' is neither a model of the catalog (tiny-marian, tiny-bart)"
                + " nor a hub repository id (owner/name)\n");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void everySubcommandDocumentsItsOptions() {
        assertThat(run("models", "--help")).isEqualTo(Main.EXIT_OK);
        assertThat(stdout()).contains("list", "fetch", "verify", "HF_ENDPOINT");
        assertThat(run("models", "fetch", "--help")).isEqualTo(Main.EXIT_OK);
        assertThat(stdout()).contains("NAME|REPO_ID", "--revision=R", "--force", "--allow-unverified", "--models=DIR",
                "HF_TOKEN");
        assertThat(run("models", "list", "--help")).isEqualTo(Main.EXIT_OK);
        assertThat(stdout()).contains("--models=DIR");
        assertThat(run("models", "verify", "--help")).isEqualTo(Main.EXIT_OK);
        assertThat(stdout()).contains("sha256", "NaN", "unverified");
    }
}
