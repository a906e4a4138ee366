package depeche.model.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the prepared-weights files go, and which checkpoints get one. */
class PreparedWeightsCacheTest {
    private static final Path MARIAN = TestFiles.resource("fixtures/tiny-marian");

    @TempDir
    Path tmp;

    private static PreparedWeightsCache settings(Map<String, String> env, Map<String, String> properties) {
        return PreparedWeightsCache.from(env::get, properties::get);
    }

    @Test
    void theFolderIsTheXdgCacheOrHomeCacheUnlessDepecheCacheSaysOtherwise() {
        assertThat(settings(Map.of("HOME", "/home/ana"), Map.of()).folder())
                .contains(Path.of("/home/ana/.cache/depeche/weights"));
        assertThat(settings(Map.of(), Map.of("user.home", "/home/bo")).folder())
                .contains(Path.of("/home/bo/.cache/depeche/weights"));
        assertThat(settings(Map.of("HOME", "/home/ana", "XDG_CACHE_HOME", "/var/cache/ana"), Map.of()).folder())
                .contains(Path.of("/var/cache/ana/depeche/weights"));
        assertThat(settings(Map.of("HOME", "/home/ana", "DEPECHE_CACHE", "/data/depeche"), Map.of()).folder())
                .contains(Path.of("/data/depeche/weights"));
        assertThat(settings(Map.of("HOME", "/home/ana", "DEPECHE_CACHE", "off"), Map.of()).folder()).isEmpty();
        assertThat(settings(Map.of("HOME", "/home/ana", "DEPECHE_CACHE", " "), Map.of()).folder())
                .as("an empty variable is no setting").contains(Path.of("/home/ana/.cache/depeche/weights"));
    }

    @Test
    void theSystemPropertiesComeFirst() {
        Map<String, String> env = Map.of("HOME", "/home/ana", "DEPECHE_CACHE", "/data/depeche");
        PreparedWeightsCache there = settings(env, Map.of("depeche.weightsCache.dir", "/tmp/w",
                "depeche.weightsCache.minBytes", "0"));
        assertThat(there).isEqualTo(new PreparedWeightsCache(Optional.of(Path.of("/tmp/w")), 0));
        assertThat(settings(env, Map.of("depeche.weightsCache.dir", "OFF")).folder()).isEmpty();
        assertThat(settings(env, Map.of("depeche.weightsCache.minBytes", "many")).minBytes())
                .isEqualTo(PreparedWeightsCache.DEFAULT_MIN_BYTES);
        assertThat(settings(env, Map.of("depeche.weightsCache.dir", "/tmp/\0")).folder())
                .as("a folder name that cannot exist turns the cache off").isEmpty();
    }

    @Test
    void checkpointsUnderTheThresholdGetNoCache() {
        try (Checkpoint checkpoint = Checkpoints.open(MARIAN);
             PreparedWeights prepared = PreparedWeightsCache.in(tmp, PreparedWeightsCache.DEFAULT_MIN_BYTES)
                     .open(checkpoint)) {
            assertThat(prepared.file()).isEmpty();
        }
        try (Checkpoint checkpoint = Checkpoints.open(MARIAN);
             PreparedWeights prepared = PreparedWeightsCache.in(tmp, 0).open(checkpoint)) {
            assertThat(prepared.file()).hasValueSatisfying(file -> assertThat(file.getParent()).isEqualTo(tmp));
        }
        try (Checkpoint checkpoint = Checkpoints.open(MARIAN);
             PreparedWeights prepared = PreparedWeightsCache.off().open(checkpoint)) {
            assertThat(prepared.file()).isEmpty();
        }
    }

    @Test
    void eachWeightsFileHasOneCacheFileNamedAfterItsFolder() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("opus-mt-fr-en")).resolve("model.safetensors");
        Path b = Files.createDirectories(tmp.resolve("elsewhere/opus-mt-fr-en")).resolve("model.safetensors");
        String nameA = PreparedWeightsCache.fileName(a);
        assertThat(nameA).matches("opus-mt-fr-en-[0-9a-f]{12}\\.prepared");
        assertThat(PreparedWeightsCache.fileName(a)).isEqualTo(nameA);
        assertThat(PreparedWeightsCache.fileName(b)).isNotEqualTo(nameA);
        assertThat(PreparedWeightsCache.fileName(a.resolveSibling("pytorch_model.bin"))).isNotEqualTo(nameA);
        assertThat(PreparedWeightsCache.fileName(tmp.resolve("a b/ü:x/model.safetensors")))
                .startsWith("__x-");
    }
}
