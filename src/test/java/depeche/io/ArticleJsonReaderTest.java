package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Block;
import depeche.document.Origin;
import depeche.document.SentencePair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ArticleJsonReaderTest {
    @TempDir
    Path dir;

    private final BilingualDocument document = SampleDocument.sample();

    private BilingualDocument readBack(BilingualDocument written) throws Exception {
        Path file = dir.resolve(written.id() + ".json");
        Files.writeString(file, WriterTestSupport.render(Format.JSON, written));
        return ArticleJsonReader.read(file);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void whatIsReadBackWritesTheSameFiles(Format format) throws Exception {
        assertThat(WriterTestSupport.render(format, readBack(document)))
                .isEqualTo(WriterTestSupport.render(format, document));
    }

    /** The sample with a code block and a table (a blank cell, a warning on a cell) after its first paragraph. */
    private BilingualDocument withCodeAndTable() {
        Block code = new Block.Code("if (a < b) {\n\tf(\"</pre>\");\n}", "c");
        Block.Table table = new Block.Table(List.of(List.of("Ville", "Habitants"), List.of("Paris", "")), 1,
                List.of(Block.Table.Alignment.LEFT, Block.Table.Alignment.RIGHT));
        List<AlignedParagraph> paragraphs = new ArrayList<>(document.paragraphs());
        paragraphs.add(1, AlignedParagraph.of(code, List.of()));
        paragraphs.add(2, AlignedParagraph.of(table, List.of(new SentencePair("Ville", "City"),
                new SentencePair("Habitants", "Inhabitants"), new SentencePair("Paris", "Paris", List.of("odd")))));
        Article source = document.article();
        Article article = Article.of(source.id(), source.title(), paragraphs.stream().map(AlignedParagraph::block)
                .toList(), source.source(), source.url(), source.date(), source.warnings());
        return new BilingualDocument(article, document.translatedTitle(), paragraphs, document.summary(),
                document.run(), document.warnings());
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void codeAndTablesReadBackWriteTheSameFiles(Format format) throws Exception {
        BilingualDocument written = withCodeAndTable();
        BilingualDocument read = readBack(written);
        // Token ids are not in the file; the blocks, their English and the sentences' warnings are.
        assertThat(read.paragraphs()).extracting(AlignedParagraph::block)
                .isEqualTo(written.paragraphs().stream().map(AlignedParagraph::block).toList());
        assertThat(read.paragraphs()).extracting(AlignedParagraph::target)
                .isEqualTo(written.paragraphs().stream().map(AlignedParagraph::target).toList());
        assertThat(read.article().blocks()).isEqualTo(written.article().blocks());
        assertThat(read.allWarnings()).contains("paragraph 3, row 2, column 1: odd");
        assertThat(WriterTestSupport.render(format, read)).isEqualTo(WriterTestSupport.render(format, written));
    }

    @Test
    void readsBackSentencesWithConfidenceFlagsOriginAndWarnings() throws Exception {
        BilingualDocument read = readBack(document);
        List<SentencePair> sentences = read.sentences();
        assertThat(sentences).hasSameSizeAs(document.sentences());
        for (int i = 0; i < sentences.size(); i++) {
            SentencePair original = document.sentences().get(i);
            assertThat(sentences.get(i).source()).isEqualTo(original.source());
            assertThat(sentences.get(i).target()).isEqualTo(original.target());
            assertThat(sentences.get(i).confidence()).isEqualTo(original.confidence());
            assertThat(sentences.get(i).flags()).isEqualTo(original.flags());
            assertThat(sentences.get(i).warnings()).isEqualTo(original.warnings());
            assertThat(sentences.get(i).origin()).isEqualTo(original.origin());
        }
        assertThat(sentences.get(1).origin()).isEqualTo(Origin.REVIEWED);
        assertThat(read.allWarnings()).isEqualTo(document.allWarnings());
        assertThat(read.run()).isEqualTo(document.run());
        assertThat(read.summary().orElseThrow().english()).isEqualTo(document.summary().orElseThrow().english());
        assertThat(read.article().url()).isEqualTo(document.article().url());
        assertThat(read.article().date()).isEqualTo(Optional.of("2022-01-08"));
    }

    @Test
    void refusesWhatIsNotAnArticleFileInOneLineNamingIt() throws Exception {
        Path missing = dir.resolve("gone.json");
        assertThatThrownBy(() -> ArticleJsonReader.read(missing)).hasMessage(missing + ": file not found");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"format\": ");
        assertThatThrownBy(() -> ArticleJsonReader.read(broken))
                .hasMessageStartingWith(broken + ": invalid JSON at line 1").hasMessageNotContaining("\n");

        Path report = dir.resolve("run-report.json");
        Files.writeString(report, "{\"format\": \"depeche-run-report/1\"}");
        assertThatThrownBy(() -> ArticleJsonReader.read(report))
                .hasMessage(report + ": not a depeche article file (its \"format\" is not \"depeche-article/1\")");

        Path headless = dir.resolve("headless.json");
        Files.writeString(headless, WriterTestSupport.render(Format.JSON, document).replaceFirst(
                "\"title\" : \\{[^}]*},", ""));
        assertThatThrownBy(() -> ArticleJsonReader.read(headless))
                .hasMessage(headless + ": not a valid article: \"title\" is missing");
    }
}
