package depeche.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Fixtures, settings and a catalog shared by the hub tests (and the command tests). */
public final class HubTestSupport {
    public static final String MARIAN_REPO = "test-org/tiny-marian";
    public static final String BART_REPO = "test-org/tiny-bart";

    /**
     * Retries milliseconds apart, so that failure tests take milliseconds; timeouts far longer than any pause a
     * loaded machine makes in a loopback transfer, so that no test sees a retry it did not cause. Tests of the
     * timeouts set shorter ones and make the hub hold its answer until it is closed.
     */
    public static final TransferSettings FAST = new TransferSettings(Duration.ofSeconds(20), Duration.ofSeconds(20),
            Duration.ofSeconds(20), 3, Duration.ofMillis(1), Duration.ofMillis(2));

    private HubTestSupport() {
    }

    /** A fixture model folder from the test resources. */
    public static Path fixture(String name) {
        try {
            return Path.of(HubTestSupport.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hub serving both fixture models. */
    public static FakeHub hubWithFixtures() {
        FakeHub hub = FakeHub.start();
        hub.addRepo(MARIAN_REPO, fixture("tiny-marian"));
        hub.addRepo(BART_REPO, fixture("tiny-bart"));
        return hub;
    }

    /** The environment HF's tools would see with these variables. */
    public static HubEnvironment env(String... nameValuePairs) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            variables.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return HubEnvironment.from(variables::get);
    }

    /** A models folder whose catalog names the fixtures as the default models, pinned to the fake commit. */
    public static Path modelsDirWithTestCatalog(Path parent) {
        Path models = parent.resolve("models");
        String catalog = """
                {"models": [
                  {"name": "tiny-marian", "repo": "%s", "revision": "%s", "role": "translation", "default": true,
                   "required": ["config.json", ["model.safetensors", "pytorch_model.bin"], "source.spm", "target.spm",
                                "vocab.json"],
                   "optional": ["generation_config.json", "tokenizer_config.json", "special_tokens_map.json"]},
                  {"name": "tiny-bart", "repo": "%s", "revision": "main", "role": "summarization", "default": true,
                   "required": ["config.json", ["model.safetensors", "pytorch_model.bin"], "vocab.json", "merges.txt"],
                   "optional": ["generation_config.json", "tokenizer.json", "tokenizer_config.json",
                                "special_tokens_map.json"]}
                ]}
                """.formatted(MARIAN_REPO, FakeHub.COMMIT, BART_REPO);
        try {
            Files.createDirectories(models);
            Files.writeString(models.resolve(Catalog.FILE_NAME), catalog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return models;
    }
}
