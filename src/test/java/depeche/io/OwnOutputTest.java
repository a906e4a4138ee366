package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** depeche's own files are recognised by their markers, whatever they are named; French articles are not. */
class OwnOutputTest {
    @TempDir
    Path dir;

    @Test
    void theReviewPagesMarkdownFilesAndIndexDepecheWritesAreItsOwnUnderAnyName() throws IOException {
        OutputFolder folder = new OutputFolder(dir, EnumSet.allOf(Format.class));
        List<Path> written = folder.write(SampleDocument.sample());
        Path index = folder.writeIndex().orElseThrow();

        assertThat(written).filteredOn(f -> f.toString().endsWith(".md") || f.toString().endsWith(".html"))
                .hasSize(2).allSatisfy(f -> assertThat(OwnOutput.isOwnOutput(f)).as(f.toString()).isTrue());
        assertThat(OwnOutput.isOwnOutput(index)).isTrue();
        Path renamed = Files.copy(dir.resolve("sample-1.html"), dir.resolve("article-du-jour.HTM"));
        assertThat(OwnOutput.isOwnOutput(renamed)).isTrue();
    }

    @Test
    void frenchArticlesAreNotEvenWhenTheyMentionDepecheOrHaveAGenerator() throws IOException {
        Path markdown = Files.writeString(dir.resolve("a.md"), "# Titre\n\nMade by depeche: un outil.\n\nFin.\n");
        Path page = Files.writeString(dir.resolve("b.html"), "<html><head><meta name=generator content=WordPress>"
                + "</head><body><h1>Titre</h1><p>Made by depeche 0.1.0 with tiny-marian.</p></body></html>");
        Path quoted = Files.writeString(dir.resolve("c.md"), "# Titre\n\n> Made by depeche 0.1.0 with x.\n");
        Path text = Files.writeString(dir.resolve("d.txt"), "Titre\nMade by depeche 0.1.0 with x.");

        for (Path file : List.of(markdown, page, quoted, text, dir.resolve("missing.html"))) {
            assertThat(OwnOutput.isOwnOutput(file)).as(file.toString()).isFalse();
        }
    }

    @Test
    void aLongMarkdownFileIsJudgedByItsLastLine() throws IOException {
        Path big = dir.resolve("big.md");
        Files.writeString(big, "# Titre\n\n" + "Un paragraphe assez long. ".repeat(100_000) + "\n\nMade by depeche 0.1.0.\n");
        assertThat(OwnOutput.isOwnOutput(big)).isTrue();
    }
}
