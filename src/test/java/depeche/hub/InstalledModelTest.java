package depeche.hub;

import static depeche.hub.HubTestSupport.FAST;
import static depeche.hub.HubTestSupport.env;
import static depeche.hub.HubTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;

import depeche.tokenize.TokenizerKind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstalledModelTest {
    @TempDir
    Path temp;

    private Path fetched(Path models) {
        try (FakeHub hub = HubTestSupport.hubWithFixtures()) {
            return new ModelFetcher(models, env("HF_ENDPOINT", hub.endpoint()), FAST, FetchListener.SILENT)
                    .fetch(FetchRequest.resolve(HubTestSupport.MARIAN_REPO, null, Catalog.load(models)), false);
        }
    }

    private static Path copy(Path from, Path to) {
        try (Stream<Path> files = Files.list(from)) {
            Files.createDirectories(to);
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void describesAFetchedModel() throws IOException {
        Path dir = fetched(temp.resolve("models"));

        InstalledModel model = InstalledModel.inspect(dir);

        assertThat(model.name()).isEqualTo("tiny-marian");
        assertThat(model.modelType()).hasValue("marian");
        assertThat(model.tokenizer()).hasValue(TokenizerKind.SPM_VOCAB);
        assertThat(model.parameters()).hasValue(56117); // 405×32 shared + layers + final_logits_bias
        assertThat(model.complete()).isTrue();
        assertThat(model.manifest().orElseThrow().commit()).isEqualTo(FakeHub.COMMIT);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(model.sizeBytes()).isEqualTo(files.mapToLong(file -> file.toFile().length()).sum());
        }
        assertThat(ModelVerifier.verify(model).outcome()).isEqualTo(ModelVerifier.Outcome.VERIFIED);
    }

    @Test
    void aFolderCopiedByHandIsCompleteButCannotBeVerified() {
        Path models = temp.resolve("models");
        copy(fixture("tiny-bart"), models.resolve("bart"));

        InstalledModel model = InstalledModel.scan(models).get(0);

        assertThat(model.tokenizer()).hasValue(TokenizerKind.TOKENIZER_JSON);
        assertThat(model.modelType()).hasValue("bart");
        assertThat(model.complete()).isTrue();
        assertThat(model.manifest()).isEmpty();
        assertThat(ModelVerifier.verify(model).outcome()).isEqualTo(ModelVerifier.Outcome.NO_MANIFEST);
    }

    @Test
    void saysWhatAnIncompleteFolderLacks() throws IOException {
        Path dir = fetched(temp.resolve("models"));
        Files.delete(dir.resolve("model.safetensors"));

        InstalledModel model = InstalledModel.inspect(dir);

        assertThat(model.problems()).containsExactly("model.safetensors or pytorch_model.bin",
                "model.safetensors is gone");
        assertThat(ModelVerifier.verify(model).outcome()).isEqualTo(ModelVerifier.Outcome.FAILED);
    }

    @Test
    void verificationCatchesAChangedByte() throws IOException {
        Path dir = fetched(temp.resolve("models"));
        byte[] vocab = Files.readAllBytes(dir.resolve("vocab.json"));
        vocab[10] ^= 1;
        Files.write(dir.resolve("vocab.json"), vocab);

        ModelVerifier.Result result = ModelVerifier.verify(InstalledModel.inspect(dir));

        assertThat(result.outcome()).isEqualTo(ModelVerifier.Outcome.FAILED);
        assertThat(result.problems()).singleElement().asString().startsWith("vocab.json has sha256 ");
    }

    @Test
    void aManifestNamingFilesOutsideTheFolderIsAProblem() throws IOException {
        Path dir = fetched(temp.resolve("models"));
        Path manifest = dir.resolve(FetchManifest.FILE_NAME);
        Files.writeString(manifest, Files.readString(manifest).replace("\"vocab.json\"", "\"../../secret\""));

        assertThat(InstalledModel.inspect(dir).problems()).containsExactly(FetchManifest.FILE_NAME + " is unreadable");
    }

    @Test
    void scanningSkipsOurStagingFolder() throws IOException {
        Path models = temp.resolve("models");
        Files.createDirectories(models.resolve(".partial/tiny-marian"));
        copy(fixture("tiny-marian"), models.resolve("marian"));

        assertThat(InstalledModel.scan(models)).extracting(InstalledModel::name).containsExactly("marian");
    }

    @Test
    void anUnsupportedModelTypeIsAProblem() throws IOException {
        Path dir = copy(fixture("tiny-bart"), temp.resolve("models/t5"));
        Files.writeString(dir.resolve("config.json"), "{\"model_type\": \"t5\"}");

        assertThat(InstalledModel.inspect(dir).problems()).containsExactly("model_type 't5' is not supported");
    }
}
