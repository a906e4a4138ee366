package depeche.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.Article;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Articles read from a name and its content (as the Spark job reads files of a Hadoop file system), and from the
 * fields of a record (a Parquet row): the same readers and checks as for a local file or a {@code .jsonl} line.
 */
class ArticleFromContentTest {

    @TempDir
    Path dir;

    @Test
    void aNameAndItsBytesGiveWhatTheFileGivesInEveryFormat() throws IOException {
        Map<String, String> files = Map.of(
                "a.txt", "Le titre\nUn paragraphe.\n\nUn autre.",
                "b.md", "# Le titre\n\nUn *paragraphe*.\n\n- un point\n",
                "c.html", "<html><head><title>Site</title></head><body><article><h1>Le titre</h1>"
                        + "<p>Un paragraphe.</p><nav>menu</nav></article></body></html>",
                "d.jsonl", "{\"id\": \"x\", \"title\": \"T\", \"text\": \"Bonjour.\", \"url\": \"https://a.fr/x\"}\n"
                        + "{\"id\": \"y\"}\n");
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = Files.writeString(dir.resolve(file.getKey()), file.getValue(), UTF_8);
            ReadResult fromFile = ArticleReaders.read(path);
            ReadResult fromContent = ArticleReaders.read(path, stream(file.getValue().getBytes(UTF_8)));
            assertThat(fromContent.articles()).as(file.getKey()).isEqualTo(fromFile.articles()).isNotEmpty();
            assertThat(fromContent.errors()).extracting(Throwable::getMessage)
                    .isEqualTo(fromFile.errors().stream().map(Throwable::getMessage).toList());
        }
    }

    @Test
    void contentPastTheSizeLimitIsRefusedWithoutReadingItAll() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        assertThatThrownBy(() -> ArticleReaders.read(Path.of("hdfs:/in/big.txt"), endless))
                .isInstanceOf(ArticleReadException.class)
                .hasMessage("hdfs:/in/big.txt: has more than the 16.0 MB a .txt file may have; split it");
    }

    @Test
    void contentIsRefusedForTheSameReasonsAsAFile() {
        assertThatThrownBy(() -> ArticleReaders.read(Path.of("in/x.pdf"), stream(new byte[] {1})))
                .hasMessageStartingWith("in/x.pdf: unsupported file type");
        assertThatThrownBy(() -> ArticleReaders.read(Path.of("in/x.txt"), stream(new byte[] {'T', 0, 'x'})))
                .hasMessageStartingWith("in/x.txt: holds NUL bytes");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };
        assertThatThrownBy(() -> ArticleReaders.read(Path.of("in/x.txt"), failing))
                .hasMessage("in/x.txt: cannot read: connection reset");
    }

    @Test
    void aRecordIsCheckedAsAJsonlLine() {
        Map<String, String> fields = new HashMap<>(Map.of("id", "r1", "title", "  Le   titre ",
                "text", "Premier.\n\nSecond.", "date", "2024-01-08", "extra", "ignored"));
        fields.put("url", null);
        Article article = ArticleReaders.readRecord(Path.of("in.parquet"), 3, fields);
        assertThat(article).isEqualTo(new Article("r1", "Le titre", List.of("Premier.", "Second."),
                Path.of("in.parquet"), Optional.empty(), Optional.of("2024-01-08"), List.of()));

        assertThatThrownBy(() -> ArticleReaders.readRecord(Path.of("in.parquet"), 4,
                Map.of("id", "r2", "title", " ", "text", "x")))
                .as("blank is absent").hasMessage("in.parquet:4: missing field 'title'");
        assertThatThrownBy(() -> ArticleReaders.readRecord(Path.of("in.parquet"), 5,
                Map.of("id", "r3", "title", "T", "text", "\u200B"))) // only an invisible character
                .hasMessage("in.parquet:5: field 'text' is blank");
        assertThatThrownBy(() -> ArticleReaders.readRecord(Path.of("in.parquet"), 6,
                Map.of("id", "../x", "title", "T", "text", "x")))
                .isInstanceOf(ArticleReadException.class).hasMessageStartingWith("in.parquet:6: ");
    }

    private static InputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
