package depeche.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleFetchListenerTest {
    @TempDir
    Path temp;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleFetchListener listener =
            new ConsoleFetchListener(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void announcesTheSizeThenLogsProgressInPlainLinesOutsideATerminal() {
        RepoFile weights = new RepoFile("pytorch_model.bin", 301_000_000, Optional.of("a".repeat(64)), Optional.empty());
        RepoFile config = new RepoFile("config.json", 1_400, Optional.empty(), Optional.of("b".repeat(40)));
        FetchRequest request = new FetchRequest("opus-mt-fr-en", "Helsinki-NLP/opus-mt-fr-en", "main",
                FileRequirements.ANY_SUPPORTED_MODEL);

        listener.planned(request, "b4a9a384c2ec68a224bbd2ee3fd5df0c71ca5b1b", Path.of("models/opus-mt-fr-en"),
                List.of(config, weights), 301_001_400, 0);
        listener.fileStarted(weights, 120_000_000);
        listener.progress(weights, 150_000_000);
        listener.progress(weights, 160_000_000);
        listener.retrying("pytorch_model.bin", 1, 5, "no data for 60 s", Duration.ofSeconds(1));
        listener.fileDone(weights);
        listener.finished();

        assertThat(printed()).isEqualTo("""
                Fetching Helsinki-NLP/opus-mt-fr-en @ b4a9a38 into models/opus-mt-fr-en/: 2 files, 301.0 MB
                  pytorch_model.bin (301.0 MB), resuming at 120.0 MB
                  pytorch_model.bin: 40% (150.0 MB)
                  pytorch_model.bin: 50% (160.0 MB)
                  pytorch_model.bin: no data for 60 s; trying again in 1.0 s (try 2 of 5)
                """);
    }

    @Test
    void announcesAFirstRunFetch() {
        CatalogEntry entry = Catalog.bundled().defaultFor(Role.TRANSLATION);

        listener.fetchingMissingDefault(entry, Path.of("models/opus-mt-fr-en"), "https://huggingface.co");

        assertThat(printed()).isEqualTo("depeche: the default translation model opus-mt-fr-en (models/opus-mt-fr-en/)"
                + " is missing; fetching Helsinki-NLP/opus-mt-fr-en from https://huggingface.co first (--offline"
                + " forbids this)\n");
    }

    @Test
    void aTerminalGetsAProgressBarThroughAWholeFetch() {
        ConsoleFetchListener terminal = new ConsoleFetchListener(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                true);
        try (FakeHub hub = HubTestSupport.hubWithFixtures()) {
            new ModelFetcher(temp, HubTestSupport.env("HF_ENDPOINT", hub.endpoint()), HubTestSupport.FAST, terminal)
                    .fetch(FetchRequest.resolve(HubTestSupport.BART_REPO, null, Catalog.bundled()), false);
        }

        assertThat(printed()).startsWith("Fetching test-org/tiny-bart @ 3f1c0a9 into " + temp.resolve("tiny-bart"))
                .contains("tiny-bart 100%").contains("Installed " + temp.resolve("tiny-bart") + "/ (")
                .contains("checksums verified");
    }
}
