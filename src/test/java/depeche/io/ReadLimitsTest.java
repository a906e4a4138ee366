package depeche.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.Article;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Absurd input files (nested thousands of levels deep, hundreds of MB, one 5 MB line) are refused with one line
 * naming the file, never a stack overflow or minutes of work; see {@link ReadLimits}.
 */
class ReadLimitsTest {
    private static final String PARAGRAPH = "Le gouvernement a annoncé une réforme des retraites.";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, UTF_8);
    }

    @Test
    void markdownQuotedFiveThousandLevelsDeepIsRefusedBeforeItIsRendered() throws IOException {
        Path file = write("citations.md", "# Titre\n\n" + ">".repeat(5000) + " " + PARAGRAPH + "\n");

        assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ": is nested 5002 levels deep (quotes, lists, emphasis or links), more than the"
                        + " 256 depeche reads");
    }

    @Test
    void markdownListsNestedThousandsOfLevelsDeepAreRefused() throws IOException {
        Path file = write("listes.md", "# Titre\n\n" + "- ".repeat(3000) + PARAGRAPH + "\n");

        assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ": is nested 6002 levels deep (quotes, lists, emphasis or links), more than the"
                        + " 256 depeche reads");
    }

    @Test
    void markdownEmphasisNestedThousandsOfLevelsDeepIsRefusedEvenWhereTheParserItselfRecurses() throws IOException {
        // CommonMark's inline parser recurses per level while it builds the tree: the reader's last resort.
        for (int levels : new int[] {5_000, 50_000}) {
            Path file = write("emphase.md", "# Titre\n\n" + "*a ".repeat(levels) + "x" + " b*".repeat(levels) + "\n");

            assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                    .hasMessageStartingWith(file + ": is nested ").hasMessageContaining("256");
        }
    }

    @Test
    void markdownNestedAHundredLevelsIsStillRead() throws IOException {
        Path file = write("profond.md", "# Titre\n\n" + ">".repeat(100) + " " + PARAGRAPH + "\n\n"
                + "- ".repeat(50) + "Deuxième paragraphe.\n");

        Article article = ArticleReaders.read(file).articles().get(0);

        assertThat(article.paragraphs()).containsExactly(PARAGRAPH, "Deuxième paragraphe.");
    }

    @Test
    void htmlNestedThousandsOfLevelsDeepIsRefused() throws IOException {
        Path divs = write("divs.html", "<h1>Titre</h1>" + "<div>".repeat(5000) + "<p>" + PARAGRAPH + "</p>"
                + "</div>".repeat(5000));
        Path quotes = write("citations.html", "<h1>Titre</h1>" + "<blockquote>".repeat(50_000) + "<p>" + PARAGRAPH);

        assertThatThrownBy(() -> ArticleReaders.read(divs)).isInstanceOf(ArticleReadException.class)
                .hasMessage(divs + ": is nested 5004 levels deep (elements), more than the 256 depeche reads");
        assertThatThrownBy(() -> ArticleReaders.read(quotes)).isInstanceOf(ArticleReadException.class)
                .hasMessage(quotes + ": is nested 50004 levels deep (elements), more than the 256 depeche reads");
    }

    @Test
    void htmlWithNestedQuotesKeepsOnlyTheInnermostBlocks() throws IOException {
        Path file = write("imbrique.html", "<h1>Titre</h1>" + "<blockquote>".repeat(200) + "<p>" + PARAGRAPH
                + "</p><p>Deux.</p>" + "</blockquote>".repeat(200) + "<ul><li>Un point.</li></ul>");

        assertThat(ArticleReaders.read(file).articles().get(0).paragraphs())
                .containsExactly(PARAGRAPH, "Deux.", "Un point.");
    }

    @Test
    void aTwoHundredMegabyteTextFileIsRefusedWithoutBeingRead() throws IOException {
        Path file = dir.resolve("journal.txt");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(200_000_000); // takes no disk: nothing is written
        }

        assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ": has 200.0 MB, more than the 16.0 MB a .txt file may have; split it");
    }

    @Test
    void aFiveMegabyteLineIsRefusedAsAParagraphNoArticleHas() throws IOException {
        Path file = write("ligne.txt", "Titre\n" + "mot ".repeat(1_250_000) + "\n");

        assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ": paragraph 1 has 4,999,999 characters, more than the 100,000 a headline or"
                        + " paragraph may have");
    }

    @Test
    void aHeadlineOfAHundredThousandWordsIsRefused() throws IOException {
        Path file = write("titre.md", "# " + "Titre ".repeat(100_000) + "\n\n" + PARAGRAPH + "\n");

        assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ": the headline has 599,999 characters, more than the 100,000 a headline or"
                        + " paragraph may have");
    }

    @Test
    void inAJsonlFileOnlyTheAbsurdLinesAreLost() throws IOException {
        String good = "{\"id\": \"%s\", \"title\": \"Titre\", \"text\": \"" + PARAGRAPH + "\"}\n";
        Path file = write("lot.jsonl", good.formatted("a")
                + "{\"id\": \"long\", \"title\": \"Titre\", \"text\": \"" + "mot ".repeat(1_250_000) + "\"}\n"
                + "{\"id\": \"profond\", \"x\": " + "[".repeat(5000) + "]".repeat(5000) + "}\n"
                + good.formatted("b"));

        ReadResult result = ArticleReaders.read(file);

        assertThat(result.articles()).extracting(Article::id).containsExactly("a", "b");
        assertThat(result.errors()).extracting(Throwable::getMessage).satisfiesExactly(
                long_ -> assertThat(long_).isEqualTo(file + ":2: paragraph 1 has 4,999,999 characters, more than the"
                        + " 100,000 a headline or paragraph may have"),
                deep -> assertThat(deep).isEqualTo(file + ":3: not valid JSON: Document nesting depth (1001) exceeds"
                        + " the maximum allowed (1000)"));
    }
}
