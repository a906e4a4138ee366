package depeche.hub;

import static depeche.hub.HubTestSupport.FAST;
import static depeche.hub.HubTestSupport.env;
import static depeche.hub.HubTestSupport.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelResolverTest {
    @TempDir
    Path temp;
    Path models;
    FakeHub hub;
    final List<String> announced = new ArrayList<>();
    final FetchListener listener = new FetchListener() {
        @Override
        public void fetchingMissingDefault(CatalogEntry entry, Path target, String endpoint) {
            announced.add(entry.name());
        }
    };

    @BeforeEach
    void setUp() {
        hub = HubTestSupport.hubWithFixtures();
        models = HubTestSupport.modelsDirWithTestCatalog(temp);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private ModelResolver resolver(boolean offlineOption, String... environment) {
        List<String> variables = new ArrayList<>(List.of("HF_ENDPOINT", hub.endpoint()));
        variables.addAll(List.of(environment));
        return new ModelResolver(models, env(variables.toArray(String[]::new)), offlineOption, listener, FAST);
    }

    @Test
    void aFirstRunFetchesTheMissingDefaultModelAfterAnnouncingIt() {
        Path dir = resolver(false).resolve(Role.TRANSLATION, null);

        assertThat(dir).isEqualTo(models.resolve("tiny-marian"));
        assertThat(announced).containsExactly("tiny-marian");
        assertThat(ModelLayout.missing(dir)).isEmpty();
        assertThat(dir.resolve("model.safetensors")).hasSameBinaryContentAs(fixture("tiny-marian").resolve("model.safetensors"));
    }

    @Test
    void aFirstRunRefusesAMirrorWithoutChecksumsAndSaysWhichCommandInstallsItAnyway() {
        hub.addRepo(HubTestSupport.MARIAN_REPO, fixture("tiny-marian")).listing(FakeHub.Listing.SIZES_ONLY);

        assertThatThrownBy(() -> resolver(false).resolve(Role.TRANSLATION, null)).isInstanceOf(FetchException.class)
                .hasMessageStartingWith(models.resolve("tiny-marian") + ": " + hub.endpoint() + " lists no checksum")
                .hasMessageEndingWith("install it unverified with `depeche models fetch tiny-marian --allow-unverified`");
        assertThat(hub.requests()).noneMatch(request -> request.path().contains("/resolve/"));
        assertThat(models.resolve("tiny-marian")).doesNotExist();
    }

    @Test
    void anInstalledDefaultModelIsUsedWithoutTheNetwork() {
        resolver(false).resolve(Role.SUMMARIZATION, null);
        int requests = hub.requests().size();

        assertThat(resolver(false).resolve(Role.SUMMARIZATION, null)).isEqualTo(models.resolve("tiny-bart"));
        assertThat(resolver(false).installed(Role.SUMMARIZATION)).hasValue(models.resolve("tiny-bart"));

        assertThat(hub.requests()).hasSize(requests);
    }

    @Test
    void anExplicitModelFolderNeverTouchesTheNetwork() {
        Path explicit = fixture("tiny-marian");

        assertThat(resolver(false).resolve(Role.TRANSLATION, explicit)).isEqualTo(explicit);
        assertThatThrownBy(() -> resolver(false).resolve(Role.TRANSLATION, temp.resolve("no-such-model")))
                .isInstanceOf(FetchException.class).hasMessageContaining("no such model folder");

        assertThat(hub.requests()).isEmpty();
        assertThat(models.resolve("tiny-marian")).doesNotExist();
    }

    @Test
    void withOfflineAMissingModelIsNamedWithItsFetchCommand() {
        assertThatThrownBy(() -> resolver(true).resolve(Role.TRANSLATION, null))
                .isInstanceOf(FetchException.class)
                .hasMessage(models.resolve("tiny-marian") + ": the default translation model tiny-marian ("
                        + HubTestSupport.MARIAN_REPO + ") is not installed and --offline forbids downloading it: run"
                        + " `depeche models fetch tiny-marian` (or run it on a machine with internet and copy the"
                        + " folder to " + models.resolve("tiny-marian") + "/)");
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void hfHubOfflineActsLikeTheOfflineOption() {
        assertThatThrownBy(() -> resolver(false, "HF_HUB_OFFLINE", "1").resolve(Role.SUMMARIZATION, null))
                .isInstanceOf(FetchException.class).hasMessageContaining("HF_HUB_OFFLINE=1 forbids downloading it")
                .hasMessageContaining("depeche models fetch tiny-bart");
        assertThat(resolver(false, "HF_HUB_OFFLINE", "1").installed(Role.SUMMARIZATION)).isEmpty();
        assertThat(hub.requests()).isEmpty();
    }

    @Test
    void anUnreachableHubOnAFirstRunLeavesNothingHalfInstalled() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ModelResolver resolver = new ModelResolver(models, env("HF_ENDPOINT", "http://127.0.0.1:" + closedPort),
                false, listener, FAST);

        assertThatThrownBy(() -> resolver.resolve(Role.TRANSLATION, null)).isInstanceOf(FetchException.class)
                .hasMessageContaining("cannot reach http://127.0.0.1:" + closedPort)
                .hasMessageContaining("copy the folder to " + models.resolve("tiny-marian") + "/");
        assertThat(models.resolve("tiny-marian")).doesNotExist();
    }

    @Test
    void anIncompleteDefaultFolderIsReportedNotOverwritten() throws IOException {
        Path dir = Files.createDirectories(models.resolve("tiny-marian"));
        Files.copy(fixture("tiny-marian").resolve("config.json"), dir.resolve("config.json"));

        assertThatThrownBy(() -> resolver(false).resolve(Role.TRANSLATION, null)).isInstanceOf(FetchException.class)
                .hasMessageContaining("incomplete (missing model.safetensors or pytorch_model.bin, tokenizer files")
                .hasMessageContaining("depeche models fetch tiny-marian");
        assertThat(hub.requests()).isEmpty();
    }
}
