package depeche.io;

import static java.nio.charset.StandardCharsets.UTF_16;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.Article;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleReadersTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, UTF_8);
    }

    private static Article single(Path file) {
        ReadResult result = ArticleReaders.read(file);
        assertThat(result.errors()).isEmpty();
        assertThat(result.articles()).hasSize(1);
        return result.articles().get(0);
    }

    // --- .txt

    @Test
    void readsTheSeedArticleOneParagraphPerLine() {
        Article article = single(Path.of("seeds/000_8e5b8d439f3d6119.txt"));
        assertThat(article.id()).isEqualTo("000_8e5b8d439f3d6119");
        assertThat(article.title()).startsWith("Washington Critique, Le Porte-parole").endsWith("Au Kazakhstan");
        assertThat(article.paragraphs()).hasSize(11);
        assertThat(article.paragraphs().get(0)).startsWith("JAKARTA - Certains représentants");
        assertThat(article.paragraphs().get(10)).endsWith("renforcée si nécessaire.");
        assertThat(article.source()).isEqualTo(Path.of("seeds/000_8e5b8d439f3d6119.txt"));
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void txtWithBlankLinesHasOneParagraphPerBlockAndJoinsWrappedLines() throws IOException {
        Path file = write("blocs.txt", "\n\nLe titre\n\nPremier paragraphe\nsur deux lignes.\n  \nDeuxième\tparagraphe.\n\n\n");
        Article article = single(file);
        assertThat(article.id()).isEqualTo("blocs");
        assertThat(article.title()).isEqualTo("Le titre");
        assertThat(article.paragraphs()).containsExactly("Premier paragraphe sur deux lignes.", "Deuxième paragraphe.");
    }

    @Test
    void txtWithWindowsLineEndingsHasOneParagraphPerLine() throws IOException {
        Path file = write("crlf.txt", "Le titre\r\nUn.\r\nDeux.\r\n");
        assertThat(single(file).paragraphs()).containsExactly("Un.", "Deux.");
    }

    @Test
    void txtWithOnlyAHeadlineIsRefused() throws IOException {
        Path file = write("titre.txt", "Le titre seul\n\n");
        assertThatThrownBy(() -> ArticleReaders.read(file))
                .isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ": no text after the headline (line 1)");
    }

    @Test
    void emptyFileIsRefused() throws IOException {
        Path file = write("vide.txt", " \n \n");
        assertThatThrownBy(() -> ArticleReaders.read(file)).hasMessage(file + ": empty file");
    }

    // --- .md

    @Test
    void markdownHeadingIsTheTitleAndBlocksAreParagraphs() throws IOException {
        Path file = write("article.md", """
                # Le *titre* de l'article

                Un paragraphe avec un [lien](https://exemple.fr) et de l'**emphase**,
                sur deux lignes.

                ## Un intertitre

                - premier point ;
                - second point.

                > Une citation.

                ![une image](photo.jpg)

                <script>alert("non")</script>
                """);
        Article article = single(file);
        assertThat(article.id()).isEqualTo("article");
        assertThat(article.title()).isEqualTo("Le titre de l'article");
        assertThat(article.paragraphs()).containsExactly(
                "Un paragraphe avec un lien et de l'emphase, sur deux lignes.",
                "Un intertitre", "premier point ;", "second point.", "Une citation.");
    }

    @Test
    void markdownWithoutHeadingIsRefused() throws IOException {
        Path file = write("sans-titre.md", "Juste un paragraphe.\n");
        assertThatThrownBy(() -> ArticleReaders.read(file))
                .hasMessage(file + ": no headline found (start the file with a '# ' heading)");
    }

    // --- .html

    @Test
    void htmlKeepsTheArticleAndDropsScriptsNavigationAndBoilerplate() throws IOException {
        Path file = write("page.html", """
                <!DOCTYPE html>
                <html lang="fr"><head>
                  <meta charset="utf-8">
                  <title>Le titre – Le Journal</title>
                  <link rel="canonical" href="https://journal.example/article-42">
                  <meta property="article:published_time" content="2022-01-08T10:00:00Z">
                  <script>var tracker = "pas du texte";</script>
                  <style>p { color: red }</style>
                </head><body>
                  <header><div class="logo">Le Journal</div><nav><a href="/">Accueil</a><a href="/monde">Monde</a></nav></header>
                  <div class="cookie-banner">Nous utilisons des cookies.</div>
                  <main><article>
                    <header><h1>Le titre</h1><p class="lede">Le chapeau de l’article.</p></header>
                    <div class="share-buttons"><a>Partager sur Facebook</a></div>
                    <p>Premier paragraphe, avec <a href="/lien">un lien</a>.</p>
                    <script>document.write("injecté")</script>
                    <figure><img src="x.jpg" alt="photo"><figcaption>Légende de la photo.</figcaption></figure>
                    <h2>Un intertitre</h2>
                    <blockquote><p>« Une citation. »</p></blockquote>
                    <ul><li>Un point.</li></ul>
                    <aside><p>À lire aussi : autre chose.</p></aside>
                    <div class="related"><p>Articles liés.</p></div>
                    <footer><p>© Le Journal</p></footer>
                  </article></main>
                  <footer><p>Mentions légales</p></footer>
                </body></html>
                """);
        Article article = single(file);
        assertThat(article.title()).isEqualTo("Le titre");
        assertThat(article.paragraphs()).containsExactly("Le chapeau de l’article.",
                "Premier paragraphe, avec un lien.", "Un intertitre", "« Une citation. »", "Un point.");
        assertThat(article.url()).hasValue("https://journal.example/article-42");
        assertThat(article.date()).hasValue("2022-01-08T10:00:00Z");
    }

    @Test
    void htmlWithoutH1UsesOgTitleThenTitle() throws IOException {
        Path og = write("og.htm", "<html><head><title>T – Site</title><meta property=\"og:title\" content=\"Le vrai titre\">"
                + "</head><body><p>Texte.</p></body></html>");
        assertThat(single(og).title()).isEqualTo("Le vrai titre");
        Path plain = write("plain.html", "<html><head><title>Le titre</title></head><body><p>Texte.</p></body></html>");
        assertThat(single(plain).title()).isEqualTo("Le titre");
    }

    @Test
    void htmlWithoutParagraphsIsRefused() throws IOException {
        Path file = write("vide.html", "<html><body><h1>Titre</h1><nav><p>Menu</p></nav></body></html>");
        assertThatThrownBy(() -> ArticleReaders.read(file)).hasMessage(file + ": no paragraphs found after the headline");
    }

    // --- .jsonl

    @Test
    void jsonlKeepsGoodLinesAndReportsBadOnesWithTheirLineNumbers() throws IOException {
        Path file = write("lot.jsonl", String.join("\n",
                "{\"id\": \"a1\", \"title\": \"Titre A\", \"text\": \"Un.\\n\\nDeux.\", \"url\": \"https://x.fr/a\", \"date\": \"2022-01-08\"}",
                "",
                "{\"id\": \"a2\", \"title\": \"Titre B\", \"text\": \"Trois.\"}",
                "{\"id\": \"a3\", \"title\": \"Titre C\"",
                "{\"id\": \"a4\", \"text\": \"Quatre.\"}",
                "{\"id\": \"A1\", \"title\": \"Doublon\", \"text\": \"Cinq.\"}",
                "{\"id\": \"../x\", \"title\": \"Évasion\", \"text\": \"Six.\"}",
                "{\"id\": \"a/b\", \"title\": \"Barre\", \"text\": \"Sept.\"}",
                "{\"id\": \"\", \"title\": \"Vide\", \"text\": \"Huit.\"}",
                "{\"id\": 9, \"title\": \"Nombre\", \"text\": \"Neuf.\"}",
                "[1, 2]",
                "{\"id\": \"a5\", \"title\": \"Titre E\", \"text\": \"Dix.\", \"url\": 5}",
                "{\"id\": \"a6\", \"title\": \"Titre F\", \"text\": \"Onze.\"}",
                ""));
        ReadResult result = ArticleReaders.read(file);

        assertThat(result.articles()).extracting(Article::id).containsExactly("a1", "a2", "a6");
        Article first = result.articles().get(0);
        assertThat(first.title()).isEqualTo("Titre A");
        assertThat(first.paragraphs()).containsExactly("Un.", "Deux.");
        assertThat(first.url()).hasValue("https://x.fr/a");
        assertThat(first.date()).hasValue("2022-01-08");
        assertThat(result.articles().get(1).url()).isEmpty();

        assertThat(result.errors()).extracting(e -> e.line().getAsInt()).containsExactly(4, 5, 6, 7, 8, 9, 10, 11, 12);
        assertThat(result.errors()).extracting(Throwable::getMessage).satisfiesExactly(
                m -> assertThat(m).startsWith(file + ":4: not valid JSON at column ").doesNotContain("Source"),
                m -> assertThat(m).isEqualTo(file + ":5: missing field 'title'"),
                m -> assertThat(m).isEqualTo(file + ":6: duplicate id 'A1' (first used on line 1)"),
                m -> assertThat(m).startsWith(file + ":7: id '../x' is not a safe file name"),
                m -> assertThat(m).startsWith(file + ":8: id 'a/b' is not a safe file name"),
                m -> assertThat(m).isEqualTo(file + ":9: missing field 'id'"),
                m -> assertThat(m).isEqualTo(file + ":10: field 'id' must be a string, found NUMBER"),
                m -> assertThat(m).isEqualTo(file + ":11: expected a JSON object, found ARRAY"),
                m -> assertThat(m).isEqualTo(file + ":12: field 'url' must be a string, found NUMBER"));
        assertThat(result.errors()).allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    // --- encodings

    private static final String FRENCH = "Le Secrétaire général de l’OTSC a déclaré à l’agence de presse que la force"
            + " de maintien de la paix compterait environ 2 500 hommes. « Nous ne le savons pas », a répondu le"
            + " porte-parole, ému. Les États-Unis surveillent de près la légalité de la demande des autorités.";

    @Test
    void aJsonlLineThatIsNotJsonIsOneLineWithoutJacksonsSourceReference() throws IOException {
        Path file = write("cassé.jsonl", "{\"id\": \"a\", \"title\": \"T\", \"text\": \"Un.\"}\n{\"id\": [\"b\"}\n");

        ReadResult result = ArticleReaders.read(file);

        assertThat(result.articles()).extracting(Article::id).containsExactly("a");
        assertThat(result.errors()).singleElement().extracting(Throwable::getMessage).isEqualTo(file + ":2: not valid"
                + " JSON at column 12: Unexpected close marker '}': expected ']' (for Array starting at column 8)");
    }

    @Test
    void utf8ByteOrderMarkIsDropped() throws IOException {
        Path file = dir.resolve("bom.txt");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ("Été\n" + FRENCH).getBytes(UTF_8)));
        Article article = single(file);
        assertThat(article.title()).isEqualTo("Été");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    void utf16WithByteOrderMarkIsDecoded() throws IOException {
        Path little = dir.resolve("le.txt");
        Files.write(little, ("\uFEFFÉté\n" + FRENCH).getBytes(UTF_16LE));
        assertThat(single(little).title()).isEqualTo("Été");
        Path big = dir.resolve("be.jsonl");
        Files.write(big, ("{\"id\": \"x\", \"title\": \"Été\", \"text\": \"" + FRENCH + "\"}")
                .getBytes(UTF_16)); // Java's UTF-16 writes a big-endian BOM
        assertThat(single(big).paragraphs()).containsExactly(FRENCH);
    }

    @Test
    void windows1252FrenchIsDetectedAndSaysSo() throws IOException {
        Path file = dir.resolve("latin.txt");
        Files.write(file, ("Un cœur d’été\n" + FRENCH).getBytes("windows-1252"));
        Article article = single(file);
        assertThat(article.title()).isEqualTo("Un cœur d’été");
        assertThat(article.paragraphs()).containsExactly(FRENCH);
        assertThat(article.warnings()).singleElement().asString()
                .startsWith("not valid UTF-8 (byte 0x9C at offset 4): decoded as windows-1252");
    }

    @Test
    void latin1HtmlIsDetectedDespiteItsMarkup() throws IOException {
        Path file = dir.resolve("latin.html");
        Files.write(file, ("<html><head><meta charset=\"iso-8859-1\"><title>Été</title></head><body>"
                + "<p>" + FRENCH.replace('’', '\'') + "</p></body></html>").getBytes("ISO-8859-1"));
        Article article = single(file);
        assertThat(article.title()).isEqualTo("Été");
        assertThat(article.warnings()).singleElement().asString().contains("decoded as windows-1252");
    }

    @Test
    void shortLatin1TextIsRefusedRatherThanGuessed() throws IOException {
        Path file = dir.resolve("court.txt");
        Files.write(file, "Titre\nCafé.\n".getBytes("ISO-8859-1"));
        assertThatThrownBy(() -> ArticleReaders.read(file))
                .hasMessageStartingWith(file + ": not valid UTF-8 (byte 0xE9 at offset 9)")
                .hasMessageContaining("convert it to UTF-8");
    }

    @Test
    void macRomanIsRefusedInsteadOfBecomingMojibake() throws IOException {
        Path file = dir.resolve("mac.txt");
        Files.write(file, ("Titre\n" + FRENCH).getBytes("x-MacRoman"));
        assertThatThrownBy(() -> ArticleReaders.read(file))
                .isInstanceOf(ArticleReadException.class)
                .hasMessageStartingWith(file + ": not valid UTF-8")
                .hasMessageContaining("convert it to UTF-8");
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefusedWithAHint() throws IOException {
        Path file = dir.resolve("sans-bom.txt");
        Files.write(file, ("Titre\n" + FRENCH).getBytes(UTF_16LE));
        assertThatThrownBy(() -> ArticleReaders.read(file))
                .hasMessageStartingWith(file + ": not valid UTF-8")
                .hasMessageContaining("looks like UTF-16LE; convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8");
        // plain ASCII in UTF-16 is valid UTF-8, full of NUL characters
        Path ascii = dir.resolve("ascii.txt");
        Files.write(ascii, "Titre\nLe texte de l'article, assez long pour en reconnaitre l'encodage."
                .getBytes(UTF_16LE));
        assertThatThrownBy(() -> ArticleReaders.read(ascii))
                .hasMessage(ascii + ": holds NUL bytes (the first at offset 1): it looks like UTF-16LE without a"
                        + " byte-order mark; convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8 '" + ascii
                        + "' > converted");
    }

    @Test
    void aFileWithNulBytesIsCalledBinaryNotUtf8ToConvertToUtf8() throws IOException {
        // A French article with NUL bytes in it (a dump, a broken copy): valid UTF-8 in all but being text.
        byte[] text = ("Titre\n" + FRENCH + "\n").getBytes(UTF_8);
        byte[] bytes = Arrays.copyOf(text, text.length + 3);
        bytes[40] = 0;
        Path file = dir.resolve("nul.txt");
        Files.write(file, bytes);

        assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                .hasMessage(file + ": holds NUL bytes (the first at offset 40), so it is a binary file, not text");
    }

    @Test
    void aBinaryFileNamedLikeAnArticleIsCalledBinary() throws IOException {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0};
        Path file = dir.resolve("image.md");
        Files.write(file, png);

        assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                .hasMessageStartingWith(file + ": not valid UTF-8 (byte 0x89 at offset 0)")
                .hasMessageNotContaining("-f UTF-8");
    }

    @Test
    void utf16WithAByteOrderMarkAndNulCharactersIsBinaryWithoutAHintToConvertIt() throws IOException {
        Path file = dir.resolve("bom-nul.txt");
        Files.write(file, "\uFEFFTitre\nUn\u0000deux.\n".getBytes(UTF_16LE));

        assertThatThrownBy(() -> ArticleReaders.read(file))
                .hasMessage(file + ": holds NUL characters (the first is character 8 after the byte-order mark),"
                        + " so it is a binary file, not text");
    }

    @Test
    void damagedUtf8IsNeverToldToConvertFromUtf8ToUtf8() throws IOException {
        byte[] good = ("Titre\n" + FRENCH.repeat(20) + "\n").getBytes(UTF_8);
        byte[] cut = Arrays.copyOf(good, good.length + 1);
        cut[good.length] = (byte) 0xC3; // the first byte of "é", and then the file ends
        byte[] stray = good.clone();
        stray[200] = (byte) 0xFF;
        for (byte[] bytes : new byte[][] {cut, stray}) {
            Path file = Files.write(dir.resolve("abime.txt"), bytes);
            assertThatThrownBy(() -> ArticleReaders.read(file)).isInstanceOf(ArticleReadException.class)
                    .hasMessageStartingWith(file + ": not valid UTF-8 (")
                    .hasMessageNotContaining("iconv -f UTF-8");
        }
    }

    @Test
    void doublyEncodedUtf8IsReadWithAWarning() throws IOException {
        String mojibake = new String(FRENCH.getBytes(UTF_8), "windows-1252");
        Path file = write("deux-fois.txt", "Titre\n" + mojibake);
        assertThat(single(file).warnings()).singleElement().asString().contains("converted to UTF-8 twice");
    }

    // --- files and ids

    @Test
    void unsupportedOrMissingFilesAndUnsafeNamesAreRefused() throws IOException {
        Path pdf = write("article.pdf", "%PDF");
        assertThatThrownBy(() -> ArticleReaders.read(pdf))
                .hasMessage(pdf + ": unsupported file type (expected .txt, .md, .html, .htm, .jsonl)");
        Path missing = dir.resolve("absent.txt");
        assertThatThrownBy(() -> ArticleReaders.read(missing)).hasMessage(missing + ": no such file");
        Path index = write("index.txt", "Titre\nTexte.\n");
        assertThatThrownBy(() -> ArticleReaders.read(index))
                .hasMessageContaining("is reserved: its files would overwrite the run's own index.html");
        Path spaced = write("mon article.txt", "Titre\nTexte.\n");
        assertThatThrownBy(() -> ArticleReaders.read(spaced)).hasMessageContaining("not a safe file name");
    }

    @Test
    void listsArticleFilesSortedWithoutOthers() throws IOException {
        write("b.md", "# B\n\nTexte.");
        write("a.txt", "A\nTexte.");
        write("c.JSONL", "");
        write("notes.pdf", "");
        write(".cache.txt", "");
        Files.createDirectory(dir.resolve("dossier.txt"));
        assertThat(ArticleReaders.listArticleFiles(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("a.txt", "b.md", "c.JSONL");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

}
