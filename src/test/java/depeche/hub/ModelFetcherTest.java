package depeche.hub;

import static depeche.hub.HubTestSupport.BART_REPO;
import static depeche.hub.HubTestSupport.FAST;
import static depeche.hub.HubTestSupport.MARIAN_REPO;
import static depeche.hub.HubTestSupport.env;
import static depeche.hub.HubTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.inference.Generated;
import depeche.inference.LoadedModel;
import depeche.testing.Generate;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelFetcherTest {
    private static final Set<String> MARIAN_FILES = Set.of("config.json", "model.safetensors", "source.spm",
            "target.spm", "vocab.json", "generation_config.json", "tokenizer_config.json", "special_tokens_map.json");

    @TempDir
    Path temp;
    Path models;
    FakeHub hub;
    final List<String> retries = new ArrayList<>();
    /** The most bytes of each file that were on disk during the fetch. */
    final Map<String, Long> mostOnDisk = new ConcurrentHashMap<>();
    final FetchListener listener = new FetchListener() {
        @Override
        public void retrying(String what, int failedAttempt, int attempts, String reason, Duration delay) {
            retries.add(what + ": " + reason);
        }

        @Override
        public void progress(RepoFile file, long bytesOnDisk) {
            mostOnDisk.merge(file.name(), bytesOnDisk, Math::max);
        }
    };

    @BeforeEach
    void startHub() {
        hub = HubTestSupport.hubWithFixtures();
        models = temp.resolve("models");
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private Path fetch(String repo) {
        return fetch(repo, env("HF_ENDPOINT", hub.endpoint()), FAST);
    }

    private Path fetch(String repo, HubEnvironment environment, TransferSettings settings) {
        FetchRequest request = FetchRequest.resolve(repo, null, Catalog.load(models));
        return new ModelFetcher(models, environment, settings, listener).fetch(request, false);
    }

    private Path target() {
        return models.resolve("tiny-marian");
    }

    @Test
    void aFetchedModelTranslatesExactlyAsTheOriginalFolder() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian"));
        Path fetched = fetch(MARIAN_REPO);
        List<String> texts = depeche.testing.Fixtures.list(depeche.testing.Fixtures.golden("tiny-marian").get("cases"))
                .stream().map(c -> c.get("text").asText()).toList();
        try (LoadedModel original = LoadedModel.load(fixture("tiny-marian"));
             LoadedModel copy = LoadedModel.load(fetched)) {
            List<Generated> expected = Generate.all(original, original.generationDefaults(), texts);
            List<Generated> actual = Generate.all(copy, copy.generationDefaults(), texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(actual.get(i).ids()).as(texts.get(i)).isEqualTo(expected.get(i).ids());
                assertThat(actual.get(i).text()).isEqualTo(expected.get(i).text());
            }
        }
    }

    @Test
    void cleanFetchInstallsTheNeededFilesByteForByte() throws IOException {
        // Files a repository holds but depeche never needs: other frameworks' weights, the second weights copy.
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).put("tf_model.h5", new byte[100])
                .put("flax_model.msgpack", new byte[100]).put("rust_model.ot", new byte[100]);

        Path dir = fetch(MARIAN_REPO);

        assertThat(dir).isEqualTo(target());
        assertThat(ModelLayout.fileNames(dir))
                .containsExactlyInAnyOrderElementsOf(union(MARIAN_FILES, FetchManifest.FILE_NAME));
        for (String file : MARIAN_FILES) {
            assertThat(dir.resolve(file)).as(file).hasSameBinaryContentAs(fixture("tiny-marian").resolve(file));
        }
        for (String unwanted : List.of("tf_model.h5", "flax_model.msgpack", "rust_model.ot", "pytorch_model.bin",
                "golden.json")) {
            assertThat(hub.downloadsOf(MARIAN_REPO, unwanted)).as(unwanted).isEmpty();
        }
        FetchManifest manifest = FetchManifest.read(dir).orElseThrow();
        assertThat(manifest.repo()).isEqualTo(MARIAN_REPO);
        assertThat(manifest.commit()).isEqualTo(FakeHub.COMMIT);
        assertThat(manifest.files()).extracting(FetchManifest.Entry::name)
                .containsExactlyInAnyOrderElementsOf(MARIAN_FILES);
        assertThat(manifest.files()).allSatisfy(entry -> assertThat(entry.sha256())
                .isEqualTo(Digests.sha256(fixture("tiny-marian").resolve(entry.name()))));
        assertThat(models.resolve(".partial/tiny-marian")).doesNotExist();
        assertThat(hub.requests()).allSatisfy(request ->
                assertThat(request.header("User-Agent")).hasValueSatisfying(agent -> assertThat(agent).startsWith("depeche/")));
    }

    @Test
    void everyFileComesFromTheCommitTheRevisionResolvedTo() {
        fetch(MARIAN_REPO);

        assertThat(hub.requestsEndingWith("/revision/main")).hasSize(1);
        assertThat(hub.requests()).filteredOn(request -> request.path().contains("/resolve/"))
                .allSatisfy(request -> assertThat(request.path()).contains("/resolve/" + FakeHub.COMMIT + "/"));
    }

    @Test
    void bartTakesItsTokenizerJsonAndBpeFiles() {
        Path dir = fetch(BART_REPO);

        assertThat(ModelLayout.fileNames(dir)).contains("tokenizer.json", "vocab.json", "merges.txt",
                "model.safetensors", "config.json").doesNotContain("golden.json");
        assertThat(dir.resolve("model.safetensors")).hasSameBinaryContentAs(fixture("tiny-bart").resolve("model.safetensors"));
    }

    @Test
    void takesPytorchModelBinWhenTheRepositoryHasNoSafetensors() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).remove("model.safetensors");

        Path dir = fetch(MARIAN_REPO);

        assertThat(dir.resolve("pytorch_model.bin")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("pytorch_model.bin"));
        assertThat(dir.resolve("model.safetensors")).doesNotExist();
    }

    @Test
    void anInterruptedDownloadResumesWithARangeRequestForTheRestOnly() throws IOException {
        long size = Files.size(fixture("tiny-marian").resolve("model.safetensors"));
        hub.cutOnce("model.safetensors", 100_000);
        TransferSettings oneTry = new TransferSettings(FAST.connectTimeout(), FAST.responseTimeout(),
                FAST.idleTimeout(), 1, FAST.firstRetryDelay(), FAST.maxRetryDelay());

        assertThatThrownBy(() -> fetch(MARIAN_REPO, env("HF_ENDPOINT", hub.endpoint()), oneTry))
                .isInstanceOf(FetchException.class).hasMessageContaining("model.safetensors")
                .hasMessageContaining("run the same command again to resume");
        assertThat(target()).as("nothing half-installed").doesNotExist();
        assertThat(models.resolve(".partial/tiny-marian/model.safetensors")).hasSize(100_000);

        fetch(MARIAN_REPO);

        List<FakeHub.Request> downloads = hub.downloadsOf(MARIAN_REPO, "model.safetensors");
        assertThat(downloads).hasSize(2);
        assertThat(downloads.get(0).header("Range")).isEmpty();
        assertThat(downloads.get(1).header("Range")).hasValue("bytes=100000-");
        assertThat(hub.bytesServed(MARIAN_REPO, "model.safetensors")).isEqualTo(size);
        assertThat(target().resolve("model.safetensors")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("model.safetensors"));
    }

    @Test
    void aConnectionCutMidwayIsResumedWithinTheSameFetch() {
        hub.cutOnce("pytorch_model.bin", 64_000);
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).remove("model.safetensors");

        fetch(MARIAN_REPO);

        assertThat(hub.downloadsOf(MARIAN_REPO, "pytorch_model.bin")).extracting(request -> request.header("Range"))
                .containsExactly(Optional.empty(), Optional.of("bytes=64000-"));
        assertThat(retries).hasSize(1).allSatisfy(line -> assertThat(line).startsWith("pytorch_model.bin"));
        assertThat(target().resolve("pytorch_model.bin")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("pytorch_model.bin"));
    }

    @Test
    void aStalledDownloadIsCutAfterTheIdleTimeoutAndResumed() {
        hub.stallOnce("model.safetensors", 50_000); // until the hub is closed
        TransferSettings oneSecondIdle = new TransferSettings(FAST.connectTimeout(), FAST.responseTimeout(),
                Duration.ofSeconds(1), FAST.attempts(), FAST.firstRetryDelay(), FAST.maxRetryDelay());

        fetch(MARIAN_REPO, env("HF_ENDPOINT", hub.endpoint()), oneSecondIdle);

        assertThat(hub.downloadsOf(MARIAN_REPO, "model.safetensors")).extracting(request -> request.header("Range"))
                .containsExactly(Optional.empty(), Optional.of("bytes=50000-"));
        assertThat(retries).containsExactly("model.safetensors: no data for 1 s");
        assertThat(target().resolve("model.safetensors")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("model.safetensors"));
    }

    @Test
    void aSlowButSteadyDownloadIsNotCutByTheResponseTimeout() {
        // The body takes longer than the response timeout, which only bounds the wait for the headers; pieces
        // come 100 ms apart, never idle for the idle timeout.
        TransferSettings shortResponseTimeout = new TransferSettings(FAST.connectTimeout(), Duration.ofSeconds(2),
                FAST.idleTimeout(), FAST.attempts(), FAST.firstRetryDelay(), FAST.maxRetryDelay());
        hub.trickleOnce("model.safetensors", shortResponseTimeout.responseTimeout().plusMillis(300));

        fetch(MARIAN_REPO, env("HF_ENDPOINT", hub.endpoint()), shortResponseTimeout);

        assertThat(retries).isEmpty();
        assertThat(hub.downloadsOf(MARIAN_REPO, "model.safetensors")).hasSize(1);
        assertThat(target().resolve("model.safetensors")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("model.safetensors"));
    }

    @Test
    void answersThatNeverComeTimeOutAndAreTriedABoundedNumberOfTimes() {
        hub.holdAnswers();
        TransferSettings impatient = new TransferSettings(FAST.connectTimeout(), Duration.ofMillis(200),
                FAST.idleTimeout(), 2, FAST.firstRetryDelay(), FAST.maxRetryDelay());

        assertThatThrownBy(() -> fetch(MARIAN_REPO, env("HF_ENDPOINT", hub.endpoint()), impatient))
                .isInstanceOf(FetchException.class).hasMessageContaining("failed 2 times")
                .hasMessageContaining("timed out");
        assertThat(hub.requestsEndingWith("/revision/main")).hasSize(2);
    }

    @Test
    void serverErrorsAreTriedAgain() {
        hub.fail("/resolve/", 503, null, 2);

        fetch(MARIAN_REPO);

        assertThat(retries).hasSize(2).allSatisfy(line -> assertThat(line).contains("HTTP 503"));
        assertThat(target()).isDirectory();
    }

    @Test
    void aChecksumMismatchIsRefusedAndNothingIsInstalled() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).lieAboutSha256("model.safetensors");

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining("model.safetensors").hasMessageContaining("sha256")
                .hasMessageContaining("nothing was installed");
        assertThat(target()).doesNotExist();
        assertThat(models.resolve(".partial/tiny-marian/model.safetensors")).doesNotExist();
    }

    @Test
    void aSmallFileThatDiffersFromItsGitBlobIdIsRefused() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).tamperWith("vocab.json");

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining("vocab.json").hasMessageContaining("git blob id");
        assertThat(target()).doesNotExist();
    }

    @Test
    void anUnknownRepositoryIsAClearError() {
        assertThatThrownBy(() -> fetch("test-org/nothing-here")).isInstanceOf(FetchException.class)
                .hasMessageContaining("test-org/nothing-here was not found on " + hub.endpoint())
                .hasMessageContaining("HTTP 404");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void anUnknownRevisionIsAClearError() {
        FetchRequest request = FetchRequest.resolve(MARIAN_REPO, "v9", Catalog.load(models));

        assertThatThrownBy(() -> new ModelFetcher(models, env("HF_ENDPOINT", hub.endpoint()), FAST, listener)
                .fetch(request, false)).isInstanceOf(FetchException.class)
                .hasMessageContaining("revision v9 does not exist in " + MARIAN_REPO);
    }

    @Test
    void aFileListedButMissingIsAClearErrorAndNotRetried() {
        hub.fail("/resolve/" + FakeHub.COMMIT + "/vocab.json", 404, "EntryNotFound", 1);

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining("vocab.json is listed but missing from " + MARIAN_REPO);
        assertThat(hub.requestsEndingWith("/vocab.json")).hasSize(1);
        assertThat(target()).doesNotExist();
    }

    @Test
    void aPrivateRepositoryWithoutTokenSaysToSetHfToken() {
        hub.requireToken("hf_right");

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining("private or gated").hasMessageContaining("HTTP 401")
                .hasMessageContaining("set HF_TOKEN");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void aRefusedTokenIsNamedAsTheProblem() {
        hub.requireToken("hf_right");

        assertThatThrownBy(() -> fetch(MARIAN_REPO, env("HF_ENDPOINT", hub.endpoint(), "HF_TOKEN", "hf_wrong"), FAST))
                .isInstanceOf(FetchException.class).hasMessageContaining("the hub refused HF_TOKEN")
                .hasMessageContaining("Invalid credentials");
    }

    @Test
    void theTokenGoesToTheHubButNeverToTheCdn() {
        hub.requireToken("hf_right");

        fetch(MARIAN_REPO, env("HF_ENDPOINT", hub.endpoint(), "HF_TOKEN", "hf_right"), FAST);

        assertThat(hub.requests()).filteredOn(request -> request.server().equals("hub"))
                .allSatisfy(request -> assertThat(request.header("Authorization")).hasValue("Bearer hf_right"));
        assertThat(hub.requests()).filteredOn(request -> request.server().equals("cdn")).isNotEmpty()
                .allSatisfy(request -> assertThat(request.header("Authorization")).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../evil", "/etc/x", "a/../../evil", "..\\evil"})
    void aFileNameThatWouldEscapeTheModelFolderIsRefused(String name) {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).listAlso(name);

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining("'" + name + "'").hasMessageContaining("outside the model folder");
        assertThat(hub.requests()).noneMatch(request -> request.path().contains("/resolve/"));
        assertThat(target()).doesNotExist();
        assertThat(temp.resolve("evil")).doesNotExist();
    }

    @Test
    void anUnreachableHubIsOneLineWithWhatToDoInstead() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String endpoint = "http://127.0.0.1:" + closedPort;

        assertThatThrownBy(() -> fetch(MARIAN_REPO, env("HF_ENDPOINT", endpoint), FAST))
                .isInstanceOf(FetchException.class)
                .hasMessage(target() + ": cannot reach " + endpoint + " (connection refused): download " + MARIAN_REPO
                        + " on a machine with internet (depeche models fetch " + MARIAN_REPO + ") and copy the folder"
                        + " to " + target() + "/");
        assertThat(target()).doesNotExist();
    }

    @Test
    void emptyFilesAreFetchedToo() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).put("special_tokens_map.json", new byte[0]);

        Path dir = fetch(MARIAN_REPO);

        assertThat(dir.resolve("special_tokens_map.json")).isEmptyFile();
        assertThat(FetchManifest.read(dir).orElseThrow().files()).contains(new FetchManifest.Entry(
                "special_tokens_map.json", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                ListedChecksum.GIT_BLOB_ID));
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> fetch(MARIAN_REPO, env("HF_ENDPOINT", "huggingface.co"), FAST))
                .isInstanceOf(FetchException.class).hasMessageContaining("HF_ENDPOINT 'huggingface.co' is not an http(s) URL");
    }

    @Test
    void hfHubOfflineForbidsAnyRequest() {
        assertThatThrownBy(() -> fetch(MARIAN_REPO, env("HF_ENDPOINT", hub.endpoint(), "HF_HUB_OFFLINE", "1"), FAST))
                .isInstanceOf(FetchException.class).hasMessageContaining("HF_HUB_OFFLINE");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void aModelOfAnUnsupportedTypeIsRefusedBeforeItsWeightsAreDownloaded() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian"))
                .put("config.json", "{\"model_type\": \"t5\"}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining("type 't5'");
        assertThat(hub.downloadsOf(MARIAN_REPO, "model.safetensors")).isEmpty();
        assertThat(target()).doesNotExist();
    }

    @Test
    void aRepositoryWithoutUsableWeightsIsRefused() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).remove("model.safetensors").remove("pytorch_model.bin")
                .put("tf_model.h5", new byte[10]);

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining("has no model.safetensors or pytorch_model.bin");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void anInstalledModelIsNotFetchedAgain() {
        fetch(MARIAN_REPO);
        int requests = hub.requests().size();

        assertThat(fetch(MARIAN_REPO)).isEqualTo(target());

        assertThat(hub.requests()).hasSize(requests);
    }

    @Test
    void forceReplacesAnInstalledModelInOneStep() throws IOException {
        fetch(MARIAN_REPO);
        Files.writeString(target().resolve("stale.txt"), "from the previous install");

        new ModelFetcher(models, env("HF_ENDPOINT", hub.endpoint()), FAST, listener)
                .fetch(FetchRequest.resolve(MARIAN_REPO, null, Catalog.load(models)), true);

        assertThat(target().resolve("stale.txt")).doesNotExist();
        assertThat(target().resolve("model.safetensors")).exists();
        assertThat(models.resolve(".partial/.tiny-marian.previous")).doesNotExist();
    }

    @Test
    void partialFilesOfAnotherCommitAreNotResumed() throws IOException {
        Path staging = Files.createDirectories(models.resolve(".partial/tiny-marian"));
        Files.writeString(staging.resolve(".depeche-staging-commit"), "0".repeat(40));
        Files.write(staging.resolve("model.safetensors"), new byte[1000]);

        fetch(MARIAN_REPO);

        assertThat(hub.downloadsOf(MARIAN_REPO, "model.safetensors")).singleElement()
                .satisfies(request -> assertThat(request.header("Range")).isEmpty());
        assertThat(target().resolve("model.safetensors")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("model.safetensors"));
    }

    // --- Mirrors without checksums, and bodies longer than they should be

    @Test
    void aFileListWithoutChecksumsIsRefusedBeforeAnythingIsDownloaded() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).listing(FakeHub.Listing.NAMES_ONLY);

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessage(target() + ": " + hub.endpoint() + " lists no checksum (sha256 or git blob id) for"
                        + " config.json, generation_config.json, model.safetensors, source.spm, special_tokens_map.json,"
                        + " target.spm, tokenizer_config.json, vocab.json of " + MARIAN_REPO + ", so the download could"
                        + " not be verified: use a mirror that lists them, or install it unverified with"
                        + " `depeche models fetch " + MARIAN_REPO + " --allow-unverified`");
        assertThat(hub.requests()).noneMatch(request -> request.path().contains("/resolve/"));
        assertThat(target()).doesNotExist();
    }

    @Test
    void allowedUnverifiedFilesAreInstalledButRecordedAsUnverifiedNeverAsChecked() throws IOException {
        // Sizes but no checksums, and a file changed on the way: nothing can tell, and nothing may claim otherwise.
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).listing(FakeHub.Listing.SIZES_ONLY).tamperWith("vocab.json");

        Path dir = new ModelFetcher(models, env("HF_ENDPOINT", hub.endpoint()), FAST, listener).allowingUnverified()
                .fetch(FetchRequest.resolve(MARIAN_REPO, null, Catalog.load(models)), false);

        FetchManifest manifest = FetchManifest.read(dir).orElseThrow();
        assertThat(manifest.files()).extracting(FetchManifest.Entry::checkedAgainst).containsOnly(ListedChecksum.NONE);
        assertThat(manifest.unverified()).containsExactlyInAnyOrderElementsOf(MARIAN_FILES);
        assertThat(Files.readString(dir.resolve(FetchManifest.FILE_NAME))).contains("\"checkedAgainst\" : \"NONE\"")
                .doesNotContain("SHA256");
        ModelVerifier.Result verified = ModelVerifier.verify(InstalledModel.inspect(dir));
        assertThat(verified.outcome()).isEqualTo(ModelVerifier.Outcome.UNVERIFIED);
        assertThat(verified.problems()).isEmpty();
    }

    @Test
    void onlyTheFilesWithoutAChecksumAreUnverified() throws IOException {
        // An lfs entry without its sha256: the blob id listed beside it is the pointer's, so it proves nothing.
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).listing(FakeHub.Listing.LFS_WITHOUT_SHA256);

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessageContaining(" lists no checksum (sha256 or git blob id) for model.safetensors, source.spm,"
                        + " target.spm of ");

        Path dir = new ModelFetcher(models, env("HF_ENDPOINT", hub.endpoint()), FAST, listener).allowingUnverified()
                .fetch(FetchRequest.resolve(MARIAN_REPO, null, Catalog.load(models)), false);

        FetchManifest manifest = FetchManifest.read(dir).orElseThrow();
        assertThat(manifest.unverified()).containsExactlyInAnyOrder("model.safetensors", "source.spm", "target.spm");
        assertThat(manifest.files()).filteredOn(entry -> entry.name().equals("vocab.json")).singleElement()
                .satisfies(entry -> assertThat(entry.checkedAgainst()).isEqualTo(ListedChecksum.GIT_BLOB_ID));
        assertThat(dir.resolve("model.safetensors")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("model.safetensors"));
    }

    @Test
    void aManifestThatDoesNotSayWhatWasCheckedCountsAsUnverified() throws IOException {
        Path dir = fetch(MARIAN_REPO);
        Path manifest = dir.resolve(FetchManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replaceAll(",\\s*\"checkedAgainst\" : \"\\w+\"", ""));

        assertThat(FetchManifest.read(dir).orElseThrow().unverified()).hasSize(MARIAN_FILES.size());
        assertThat(ModelVerifier.verify(InstalledModel.inspect(dir)).outcome())
                .isEqualTo(ModelVerifier.Outcome.UNVERIFIED);
    }

    @ParameterizedTest(name = "announced: {0}")
    @ValueSource(booleans = {false, true})
    void aBodyLongerThanListedIsCutAtTheListedSizeDeletedAndNotTriedAgain(boolean announced) throws IOException {
        long listed = Files.size(fixture("tiny-marian").resolve("config.json"));
        hub.longerOnce("config.json", 300_000_000, announced);

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessage(target() + ": unusable answer for config.json from 127.0.0.1: it sends more than the "
                        + listed + " bytes the hub lists");
        assertThat(hub.downloadsOf(MARIAN_REPO, "config.json")).hasSize(1);
        assertThat(hub.bytesServed(MARIAN_REPO, "config.json")).as("stopped long before 300 MB").isLessThan(30_000_000);
        if (announced) {
            assertThat(mostOnDisk).as("refused on its Content-Length, before writing").doesNotContainKey("config.json");
        } else {
            assertThat(mostOnDisk.get("config.json")).isLessThanOrEqualTo(listed);
        }
        assertThat(models.resolve(".partial/tiny-marian/config.json")).doesNotExist();
        assertThat(target()).doesNotExist();
    }

    @Test
    void anEndlessBodyOfAFileOfUnlistedSizeStopsAtTheCeilingForItsKind() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).listing(FakeHub.Listing.NAMES_ONLY);
        hub.endlessOnce("config.json");

        assertThatThrownBy(() -> new ModelFetcher(models, env("HF_ENDPOINT", hub.endpoint()), FAST, listener)
                .allowingUnverified().fetch(FetchRequest.resolve(MARIAN_REPO, null, Catalog.load(models)), false))
                .isInstanceOf(FetchException.class)
                .hasMessage(target() + ": unusable answer for config.json from 127.0.0.1: it sends more than the"
                        + " 32.0 MB a file of unlisted size may have");
        assertThat(hub.bytesServed(MARIAN_REPO, "config.json")).isBetween(32_000_000L, 60_000_000L);
        assertThat(models.resolve(".partial/tiny-marian/config.json")).doesNotExist();
    }

    @Test
    void aListedSizeAboveTheCeilingForItsKindIsRefusedBeforeDownloading() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).lieAboutSize("vocab.json", 300_000_000_000L);

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessage(target() + ": " + hub.endpoint() + " lists vocab.json of " + MARIAN_REPO + " as 300.0 GB,"
                        + " more than the 32.0 MB depeche accepts for such a file: refusing to fetch");
        assertThat(hub.requests()).noneMatch(request -> request.path().contains("/resolve/"));
    }

    @Test
    void anEndlessFileListIsCutAtItsCeilingAndNotTriedAgain() {
        hub.endlessListings();

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessage(target() + ": " + hub.endpoint() + " sent an unusable file list for " + MARIAN_REPO
                        + ": it sends more than the 16.0 MB a file list may have");
        assertThat(hub.requestsEndingWith("/revision/main")).hasSize(1);
        assertThat(hub.bytesServed(MARIAN_REPO, "listing")).isLessThan(40_000_000L);
    }

    @Test
    void aConfigThatIsNotJsonIsOneLineWithoutJacksonsSourceTail() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).put("config.json", "{\"model_type\": ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessage(target() + ": the config.json of " + MARIAN_REPO + " is unusable: invalid JSON at line 1,"
                        + " column 16: Unexpected end-of-input within/between Object entries");
    }

    @Test
    void aFileListThatIsNotJsonIsOneLineNamingTheHubWithoutJacksonsSourceTail() {
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian")).listingBody("{\"sha\": \"abc\",\n \"siblings\": [}");

        assertThatThrownBy(() -> fetch(MARIAN_REPO)).isInstanceOf(FetchException.class)
                .hasMessage(target() + ": " + hub.endpoint() + " sent an unusable file list for " + MARIAN_REPO + ": the"
                        + " file list is not the hub's JSON: invalid JSON at line 2, column 15: Unexpected close marker"
                        + " '}': expected ']' (for Array starting at line 2, column 14)");
    }

    @Test
    void aFetchManifestThatIsNotJsonIsOneLine() throws IOException {
        Path dir = fetch(MARIAN_REPO);
        Path manifest = Files.writeString(dir.resolve(FetchManifest.FILE_NAME), "{\"repo\": \"x\",\n\"files\": [{");

        assertThatThrownBy(() -> FetchManifest.read(dir)).isInstanceOf(depeche.folder.ModelException.class)
                .hasMessageStartingWith(manifest + ": invalid JSON at line 2, column 12: ")
                .hasMessageNotContaining("\n");
        Files.writeString(manifest, "{\"repo\": \"x\", \"files\": [{\"name\": \"a\", \"size\": \"big\"}]}");
        assertThatThrownBy(() -> FetchManifest.read(dir)).isInstanceOf(depeche.folder.ModelException.class)
                .hasMessageStartingWith(manifest + ": not a fetch manifest: Cannot deserialize value of type `long`")
                .hasMessageNotContaining("\n").hasMessageNotContaining("[Source");
    }

    private static Set<String> union(Set<String> names, String more) {
        Set<String> all = new HashSet<>(names);
        all.add(more);
        return all;
    }
}
