package depeche.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PageExportReaderTest {
    @TempDir
    Path dir;

    private static final String EXPORT = """
            {
              "format": "depeche-corrections/1",
              "article": "000_x",
              "models": [{"name": "opus-mt-fr-en", "type": "marian", "weights_sha256": "%s"}],
              "tool_version": "0.1.0",
              "exported": "2026-12-02T10:00:00.000Z",
              "sentences": [
                {"paragraph": 2, "sentence": 1, "source": "Il y a 3 morts.", "old_target": "There are 4 dead.",
                 "new_target": " There are 3 dead. ", "reviewed": true},
                {"paragraph": 3, "sentence": 2, "source": "Bonjour.", "old_target": "Hello.", "new_target": "Hello.",
                 "reviewed": false}
              ]
            }
            """.formatted("ab".repeat(32));

    private Path write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void readsTheReviewPagesExport() throws Exception {
        Path file = write("000_x.corrections.json", EXPORT);
        Corrections read = CorrectionsReaders.read(file);
        assertThat(read.file()).isEqualTo(file);
        assertThat(read.article()).isEqualTo("000_x");
        assertThat(read.models()).singleElement().satisfies(m -> assertThat(m.name()).isEqualTo("opus-mt-fr-en"));
        assertThat(read.changes()).containsExactly(
                new Correction(2, 1, "Il y a 3 morts.", Optional.of("There are 4 dead."), "There are 3 dead.", true),
                new Correction(3, 2, "Bonjour.", Optional.of("Hello."), "Hello.", false));
    }

    @Test
    void refusesWhatItCannotApplyInOneLineNamingTheFile() throws Exception {
        Path missing = dir.resolve("gone.json");
        assertThatThrownBy(() -> CorrectionsReaders.read(missing)).hasMessage(missing + ": file not found");
        Path text = write("notes.txt", "x");
        assertThatThrownBy(() -> CorrectionsReaders.read(text)).hasMessage(text
                + ": not a corrections file depeche reads (the review page's export, .corrections.json)");
        Path article = write("000_x.json", "{\"format\": \"depeche-article/1\"}");
        assertThatThrownBy(() -> CorrectionsReaders.read(article))
                .hasMessage(article + ": not a review page export (its \"format\" is not \"depeche-corrections/1\")");
        Path broken = write("broken.json", "{\"format\": ");
        assertThatThrownBy(() -> CorrectionsReaders.read(broken)).hasMessageStartingWith(broken + ": invalid JSON at line 1");
        Path empty = write("empty.json", EXPORT.replace("\" There are 3 dead. \"", "\"  \""));
        assertThatThrownBy(() -> CorrectionsReaders.read(empty)).hasMessage(empty
                + ": sentence 1 of the file: \"new_target\" is empty: a sentence cannot be translated by nothing");
        Path position = write("position.json", EXPORT.replace("\"paragraph\": 3", "\"paragraph\": 0"));
        assertThatThrownBy(() -> CorrectionsReaders.read(position)).hasMessage(position
                + ": sentence 2 of the file: \"paragraph\" is missing or not a number from 1");
        Path flag = write("flag.json", EXPORT.replace("\"reviewed\": false", "\"reviewed\": \"no\""));
        assertThatThrownBy(() -> CorrectionsReaders.read(flag)).hasMessage(flag
                + ": sentence 2 of the file: \"reviewed\" is missing or not true/false");
    }
}
