package depeche.hub;

import static depeche.hub.HubTestSupport.env;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HubEnvironmentTest {

    @Test
    void defaultsToHuggingFaceWithoutTokenOnline() {
        HubEnvironment environment = env();

        assertThat(environment.endpoint()).isEqualTo("https://huggingface.co");
        assertThat(environment.token()).isEmpty();
        assertThat(environment.offline()).isFalse();
        assertThat(environment.userAgent()).startsWith("depeche/");
    }

    @Test
    void readsTheVariablesHfToolsRead() {
        HubEnvironment environment = env("HF_ENDPOINT", "https://hf-mirror.example/", "HF_TOKEN", " hf_abc ");

        assertThat(environment.endpoint()).isEqualTo("https://hf-mirror.example");
        assertThat(environment.token()).isEqualTo(Optional.of("hf_abc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "true", "YES", "on"})
    void offlineValuesAreThoseOfHuggingfaceHub(String value) {
        assertThat(env("HF_HUB_OFFLINE", value).offline()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "false", "", "no"})
    void otherValuesAreOnline(String value) {
        assertThat(env("HF_HUB_OFFLINE", value).offline()).isFalse();
    }

    @Test
    void urlsAreEncodedAsHfHubUrlDoes() {
        assertThat(HubClient.UrlPaths.segment("refs/pr/1")).isEqualTo("refs%2Fpr%2F1");
        assertThat(HubClient.UrlPaths.path("onnx/model file.onnx")).isEqualTo("onnx/model%20file.onnx");
        assertThat(new HubClient(env("HF_ENDPOINT", "https://hub.example/"), TransferSettings.DEFAULT,
                (what, attempt, attempts, reason, delay) -> { })
                .fileUri("Helsinki-NLP/opus-mt-fr-en", "main", "config.json"))
                .hasToString("https://hub.example/Helsinki-NLP/opus-mt-fr-en/resolve/main/config.json");
    }

    @Test
    void theTokenStaysWithItsOrigin() {
        URI hub = URI.create("https://huggingface.co");
        assertThat(HubClient.sameOrigin(URI.create("https://huggingface.co/x/resolve/main/a"), hub)).isTrue();
        assertThat(HubClient.sameOrigin(URI.create("https://huggingface.co:443/x"), hub)).isTrue();
        assertThat(HubClient.sameOrigin(URI.create("https://cdn-lfs.huggingface.co/x"), hub)).isFalse();
        assertThat(HubClient.sameOrigin(URI.create("http://huggingface.co/x"), hub)).isFalse();
        assertThat(HubClient.sameOrigin(URI.create("https://huggingface.co:8443/x"), hub)).isFalse();
    }
}
