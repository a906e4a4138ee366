package depeche.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.Flag;
import depeche.document.ModelInfo;
import depeche.document.Origin;
import depeche.document.SentencePair;
import depeche.document.TokenIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SQLite memory file: what it keeps, how keys differ, its schema, and files it must refuse. */
class MemoryStoreTest {
    static final ModelInfo MODEL = new ModelInfo("opus-mt-fr-en", "marian", "a".repeat(64));
    static final MemoryContext GREEDY = new MemoryContext(MODEL, Map.of("num_beams", 1, "max_sentence_tokens", 256));
    static final MemoryContext BEAM = new MemoryContext(MODEL, Map.of("num_beams", 4, "max_sentence_tokens", 256));
    static final MemoryContext OTHER_WEIGHTS = new MemoryContext(new ModelInfo("opus-mt-fr-en", "marian",
            "b".repeat(64)), Map.of("num_beams", 1, "max_sentence_tokens", 256));

    @TempDir
    Path tmp;

    private Path file() {
        return tmp.resolve("memory.sqlite");
    }

    static SentencePair machine(String source, String target, long... ids) {
        return new SentencePair(source, target, TokenIds.of(ids), OptionalDouble.of(-0.123456789012345),
                List.of("sentence of 300 tokens exceeds the model's limit of 256: translated in 2 parts"),
                List.of(new Flag("number-mismatch", Flag.Severity.WARNING, "12 became 13")), Origin.MACHINE);
    }

    @Test
    void aMachineTranslationComesBackExactlyAsKeptIdsConfidenceWarningsAndFlags() {
        SentencePair pair = machine("Il pleut.", "It is raining.", 12, 345, 6789, 0);
        SentencePair greedy = new SentencePair("Il neige.", "It snows.", TokenIds.of(7, 0), OptionalDouble.empty(),
                List.of());
        try (MemoryStore store = MemoryStore.open(file())) {
            store.remember(GREEDY, List.of(pair, greedy));
        }
        try (MemoryStore store = MemoryStore.open(file())) {
            Map<String, SentencePair> recalled = store.recall(GREEDY, List.of("Il neige.", "Il pleut.", "Absent."));
            assertThat(recalled).containsOnlyKeys("Il neige.", "Il pleut.");
            assertThat(recalled.get("Il pleut.")).isEqualTo(pair);
            assertThat(recalled.get("Il neige.")).isEqualTo(greedy);
        }
    }

    @Test
    void machineTranslationsAreKeptPerModelAndSettingsReviewedOnesServeEveryContext() {
        try (MemoryStore store = MemoryStore.open(file())) {
            store.remember(GREEDY, List.of(machine("Il pleut.", "It rains.", 1, 0)));
            assertThat(store.recall(BEAM, List.of("Il pleut."))).as("other settings").isEmpty();
            assertThat(store.recall(OTHER_WEIGHTS, List.of("Il pleut."))).as("other weights").isEmpty();

            assertThat(store.review(List.of(new ReviewedTranslation("Il pleut.", "It is raining.", "test")))).isOne();
            for (MemoryContext context : List.of(GREEDY, BEAM, OTHER_WEIGHTS)) {
                SentencePair reviewed = store.recall(context, List.of("Il pleut.")).get("Il pleut.");
                assertThat(reviewed.target()).isEqualTo("It is raining.");
                assertThat(reviewed.origin()).isEqualTo(Origin.REVIEWED);
                assertThat(reviewed.ids()).isEqualTo(TokenIds.NONE);
                assertThat(reviewed.confidence()).isEmpty();
                assertThat(reviewed.warnings()).isEmpty();
            }
            // The model's output never replaces a reviewer's; a new correction does.
            store.remember(GREEDY, List.of(machine("Il pleut.", "It rains again.", 2, 0)));
            assertThat(store.recall(GREEDY, List.of("Il pleut.")).get("Il pleut.").target())
                    .isEqualTo("It is raining.");
            assertThat(store.review(List.of(new ReviewedTranslation("Il pleut.", "Rain is falling.", null)))).isZero();
            assertThat(store.recall(BEAM, List.of("Il pleut.")).get("Il pleut.").target())
                    .isEqualTo("Rain is falling.");
        }
    }

    @Test
    void aReviewedSourceIsCleanedAsArticlesAreRead() {
        try (MemoryStore store = MemoryStore.open(file())) {
            store.review(List.of(new ReviewedTranslation("  Il  pleut\u200B\n à Paris. ", " It rains in Paris. ", null)));
            assertThat(store.recall(GREEDY, List.of("Il pleut à Paris.")).get("Il pleut à Paris.").target())
                    .isEqualTo("It rains in Paris.");
        }
        assertThatThrownBy(() -> new ReviewedTranslation("Il pleut.", "  ", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void statsCountByOriginAndGiveTheLastRun() {
        try (MemoryStore store = MemoryStore.open(file())) {
            store.remember(GREEDY, List.of(machine("Un.", "One.", 1), machine("Deux.", "Two.", 2)));
            store.remember(BEAM, List.of(machine("Un.", "One!", 3)));
            store.review(List.of(new ReviewedTranslation("Trois.", "Three.", null)));
            assertThat(store.stats().lastRun()).isEmpty();
            store.recordRun("run", Instant.parse("2025-01-02T03:04:05Z"), new MemoryUse(5, 3, 1));
            store.recordRun("translate", Instant.parse("2025-01-03T03:04:05Z"), new MemoryUse(1, 1, 0));

            MemoryStats stats = store.stats();
            assertThat(stats.machine()).isEqualTo(3);
            assertThat(stats.reviewed()).isEqualTo(1);
            assertThat(stats.contexts()).isEqualTo(2);
            assertThat(stats.fileBytes()).isPositive();
            assertThat(stats.lastRun().orElseThrow().command()).isEqualTo("translate");
            assertThat(stats.lastRun().orElseThrow().use()).isEqualTo(new MemoryUse(1, 1, 0));
            assertThat(new MemoryUse(5, 3, 1).hitRate()).isEqualTo(6 / 9.0);

            List<StoredSentence> all = new ArrayList<>();
            store.forEach(all::add);
            assertThat(all).extracting(StoredSentence::source).containsExactly("Deux.", "Trois.", "Un.", "Un.");
            assertThat(all.get(1).origin()).isEqualTo(Origin.REVIEWED);
            assertThat(all.get(1).model()).isEmpty();
            assertThat(all.get(0).model()).contains("opus-mt-fr-en " + "a".repeat(64));
        }
    }

    @Test
    void aNewFileIsVersionedInWalModeAndMarkedAsDepeches() throws Exception {
        MemoryStore.open(tmp.resolve("deep/folder/memory.sqlite")).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("deep/folder/memory.sqlite"));
             Statement sql = raw.createStatement()) {
            assertThat(pragma(sql, "user_version")).isEqualTo(String.valueOf(Schema.VERSION));
            assertThat(pragma(sql, "application_id")).isEqualTo(String.valueOf(Schema.APPLICATION_ID));
            assertThat(pragma(sql, "journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void aFileFromANewerDepecheOrAnotherApplicationIsRefusedAndLeftAlone() throws Exception {
        MemoryStore.open(file()).close();
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement sql = raw.createStatement()) {
            sql.execute("PRAGMA user_version = " + (Schema.VERSION + 1));
        }
        assertThatThrownBy(() -> MemoryStore.open(file())).isInstanceOf(MemoryException.class)
                .hasMessage(file() + ": was made by a newer depeche (memory schema " + (Schema.VERSION + 1)
                        + "; this depeche reads up to " + Schema.VERSION + ")");

        Path other = tmp.resolve("other.db");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement sql = raw.createStatement()) {
            sql.execute("CREATE TABLE customers (name TEXT)");
        }
        assertThatThrownBy(() -> MemoryStore.open(other)).isInstanceOf(MemoryException.class)
                .hasMessage(other + ": is an SQLite database but not a depeche translation memory");
        try (Connection raw = DriverManager.getConnection("jdbc:sqlite:" + other);
             Statement sql = raw.createStatement()) {
            assertThat(pragma(sql, "user_version")).as("not migrated").isEqualTo("0");
        }
    }

    @Test
    void aCorruptFileIsOneLineNamingItAndIsNotOverwritten() throws Exception {
        byte[] garbage = "this is not a database, just some text that happens to sit here ".repeat(80).getBytes();
        Files.write(file(), garbage);
        assertThatThrownBy(() -> MemoryStore.open(file())).isInstanceOf(MemoryException.class)
                .hasMessage(file() + ": is not a translation memory (not an SQLite database, or damaged)");
        assertThat(Files.readAllBytes(file())).isEqualTo(garbage);
    }

    @Test
    void aFileLockedByAnotherConnectionIsRefusedAfterTheBusyTimeout() throws Exception {
        MemoryStore.open(file()).close();
        try (Connection holder = DriverManager.getConnection("jdbc:sqlite:" + file());
             Statement sql = holder.createStatement()) {
            sql.execute("PRAGMA locking_mode = EXCLUSIVE");
            sql.execute("BEGIN EXCLUSIVE");
            sql.execute("INSERT INTO runs (command, started, finished, hits, misses, reviewed)"
                    + " VALUES ('x', 'y', 'z', 0, 0, 0)");
            long start = System.nanoTime();
            assertThatThrownBy(() -> MemoryStore.open(file(), Duration.ofMillis(300)))
                    .isInstanceOf(MemoryException.class)
                    .hasMessage(file() + ": is locked by another process (waited 0.3 s)");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
            sql.execute("ROLLBACK");
        }
    }

    @Test
    void aMemoryThatCannotBeUsedWarnsOnceAndServesNothing() throws Exception {
        Files.writeString(file(), "garbage ".repeat(200));
        List<String> warnings = new ArrayList<>();
        try (TranslationMemory memory = TranslationMemory.at(file(), "run", warnings::add)) {
            assertThat(warnings).as("opened on first use").isEmpty();
            assertThat(memory.recall(GREEDY, List.of("Il pleut."))).isEmpty();
            memory.remember(GREEDY, List.of(machine("Il pleut.", "It rains.", 1)));
            assertThat(memory.recall(GREEDY, List.of("Il pleut."))).isEmpty();
            assertThat(memory.warnings()).isEqualTo(warnings).singleElement().asString()
                    .isEqualTo("translation memory " + file() + ": is not a translation memory (not an SQLite"
                            + " database, or damaged); going on without it");
        }
    }

    @Test
    void twoProcessesWritingOneFileAtOnceLoseNothing() throws Exception {
        MemoryStore.open(file()).close();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("first", "second")) {
            writers.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(), file().toString(), name, "150")
                    .redirectErrorStream(true).start());
        }
        ConcurrentWriter.main(new String[] {file().toString(), "this-jvm", "150"});
        for (Process writer : writers) {
            assertThat(writer.waitFor()).as(new String(writer.getInputStream().readAllBytes())).isZero();
        }
        try (MemoryStore store = MemoryStore.open(file())) {
            assertThat(store.stats().machine()).isEqualTo(450);
            assertThat(store.stats().lastRun()).isPresent();
        }
    }

    private static String pragma(Statement sql, String name) throws Exception {
        try (ResultSet row = sql.executeQuery("PRAGMA " + name)) {
            row.next();
            return row.getString(1);
        }
    }
}
