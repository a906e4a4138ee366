package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.Article;
import depeche.document.Block;
import depeche.document.Block.Table.Alignment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Code blocks and tables in Markdown and HTML articles are read as such, not as prose. */
class CodeAndTableReadingTest {
    @TempDir
    Path dir;

    private List<Block> blocks(String name, String text) throws IOException {
        Path file = Files.writeString(dir.resolve(name), text);
        ReadResult result = ArticleReaders.read(file);
        assertThat(result.errors()).isEmpty();
        Article article = result.articles().get(0);
        assertThat(article.paragraphs()).isEqualTo(article.blocks().stream().map(Block::text).toList());
        return article.blocks();
    }

    @Test
    void fencedAndIndentedCodeAreKeptByteForByteWithTheirLanguage() throws IOException {
        String fenced = "# Calcul de l'impôt — ceci n'est pas un titre\ndef impot(revenu):\n    return revenu * 0.3  # taux | unique\n\n\n    # fin";
        List<Block> blocks = blocks("a.md", "# Titre\n\nAvant le code.\n\n```python\n" + fenced + "\n```\n\n"
                + "Entre les deux.\n\n    SELECT *  FROM villes;\n      -- indenté\n\nAprès.\n");
        assertThat(blocks).containsExactly(new Block.Prose("Avant le code."), new Block.Code(fenced, "python"),
                new Block.Prose("Entre les deux."), new Block.Code("SELECT *  FROM villes;\n  -- indenté", ""),
                new Block.Prose("Après."));
    }

    @Test
    void codeInsideAListItemOrAQuoteIsCodeAndTheItemsTextStaysProse() throws IOException {
        List<Block> blocks = blocks("a.md", "# Titre\n\n- Lancez :\n\n  ```sh\n  echo \"bonjour\"\n  ```\n- Suivant.\n\n"
                + "> Il a écrit :\n>\n>     x = 1\n");
        assertThat(blocks).containsExactly(new Block.Prose("Lancez :"), new Block.Code("echo \"bonjour\"", "sh"),
                new Block.Prose("Suivant."), new Block.Prose("Il a écrit :"), new Block.Code("x = 1", ""));
    }

    @Test
    void aTightListItemKeepsItsOwnTextBeforeAndAfterWhatItHolds() throws IOException {
        // <li>Région<ul><li>Paris</li></ul></li>: the item's own text was lost when only innermost blocks were read.
        List<Block> blocks = blocks("a.md", "# Titre\n\n- Région\n  - Paris\n  - Lyon\n- Fin\n");
        assertThat(blocks).extracting(Block::text).containsExactly("Région", "Paris", "Lyon", "Fin");
    }

    @Test
    void aGfmTableIsATableWithItsHeaderAlignmentsEmptyCellsAndEscapedPipes() throws IOException {
        List<Block> blocks = blocks("a.md", "# Titre\n\nLe tableau :\n\n| Ville | Habitants | Note |\n"
                + "|:--|--:|:-:|\n| Paris | 2 100 000 | capitale |\n| Lyon | 520 000 |  |\n| Aix \\| Marseille | 870 000\n");
        assertThat(blocks).hasSize(2);
        assertThat(blocks.get(1)).isEqualTo(new Block.Table(List.of(
                List.of("Ville", "Habitants", "Note"),
                List.of("Paris", "2 100 000", "capitale"),
                List.of("Lyon", "520 000", ""),
                List.of("Aix | Marseille", "870 000", "")), 1, List.of(Alignment.LEFT, Alignment.RIGHT, Alignment.CENTER)));
        assertThat(((Block.Table) blocks.get(1)).cells()).hasSize(10);
    }

    @Test
    void htmlPreIsCodeAndADataTableIsATableAfterItsCaption() throws IOException {
        List<Block> blocks = blocks("a.html", "<html><body><article><h1>Titre</h1><p>Avant.</p>"
                + "<pre><code class=\"language-js\">if (a &lt; b) {\n  f();\n}\n</code></pre>"
                + "<table><caption>Résultats</caption><thead><tr><th>Parti</th><th style=\"text-align: right\">Voix</th>"
                + "</tr></thead><tbody><tr><td>A</td><td>12 %</td></tr><tr><td>B</td></tr></tbody></table>"
                + "<p>Après.</p></article></body></html>");
        assertThat(blocks).containsExactly(new Block.Prose("Avant."), new Block.Code("if (a < b) {\n  f();\n}", "js"),
                new Block.Prose("Résultats"),
                new Block.Table(List.of(List.of("Parti", "Voix"), List.of("A", "12 %"), List.of("B", "")), 1,
                        List.of(Alignment.NONE, Alignment.RIGHT)),
                new Block.Prose("Après."));
    }

    @Test
    void aLayoutTableIsReadAsTheParagraphsItHolds() throws IOException {
        List<Block> blocks = blocks("a.html", "<html><body><h1>Titre</h1><table><tr><td><p>Premier paragraphe.</p>"
                + "<p>Second paragraphe.</p></td><td><p>Colonne.</p></td></tr></table></body></html>");
        assertThat(blocks).containsExactly(new Block.Prose("Premier paragraphe."), new Block.Prose("Second paragraphe."),
                new Block.Prose("Colonne."));
    }

    @Test
    void aTableOfBlankCellsAndBlankCodeAreLeftOut() throws IOException {
        List<Block> blocks = blocks("a.md", "# Titre\n\nTexte.\n\n| | |\n|-|-|\n| | |\n\n```\n\n```\n");
        assertThat(blocks).containsExactly(new Block.Prose("Texte."));
    }
}
