package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.BilingualDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFolderTest {

    @TempDir
    Path dir;

    @Test
    void writesOneFilePerChosenFormatNamedAfterTheId() throws IOException {
        Path out = dir.resolve("output");
        List<Path> written = new OutputFolder(out, EnumSet.allOf(Format.class)).write(SampleDocument.sample());
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("sample-1.md", "sample-1.json", "sample-1.html", "sample-1.tmx");
        assertThat(names(out)).containsExactly("sample-1.html", "sample-1.json", "sample-1.md", "sample-1.tmx");

        new OutputFolder(out, Set.of(Format.TMX)).write(SampleDocument.sample("other", "Autre"));
        assertThat(names(out)).contains("other.tmx").doesNotContain("other.md");
    }

    @Test
    void indexLinksEveryReviewPageOfTheFolderWithEnglishHeadlineAndSummary() throws IOException {
        OutputFolder earlierRun = new OutputFolder(dir, Set.of(Format.HTML));
        earlierRun.write(SampleDocument.sample("b-earlier", "Un article d'hier"));
        OutputFolder folder = new OutputFolder(dir, Set.of(Format.HTML, Format.JSON));
        folder.write(SampleDocument.sample("a-today", "Un article & <du jour>"));
        Files.writeString(dir.resolve("notes.html"), "<html><body><h1 lang=en>Not ours</h1></body></html>");
        Files.writeString(dir.resolve("run-report.json"), "{}");

        Path index = folder.writeIndex().orElseThrow();

        assertThat(index).isEqualTo(dir.resolve("index.html"));
        Document page = Jsoup.parse(index.toFile(), "UTF-8");
        List<Element> items = page.select("ul.index > li");
        assertThat(items).extracting(item -> item.selectFirst("a").attr("href"))
                .containsExactly("a-today.html", "b-earlier.html");
        BilingualDocument today = SampleDocument.sample("a-today", "Un article & <du jour>");
        assertThat(items.get(0).selectFirst("a").text()).isEqualTo("EN: Un article & <du jour>");
        assertThat(items.get(0).selectFirst("[lang=fr]").text()).isEqualTo("Un article & <du jour>");
        assertThat(items.get(0).select("p").last().wholeText()).isEqualTo(today.summary().orElseThrow().english());
        assertThat(items.get(1).selectFirst("a").text()).isEqualTo("EN: Un article d'hier");
        assertThat(page.select("a").eachAttr("href")).allSatisfy(href -> assertThat(dir.resolve(href)).exists());
        assertThat(names(dir)).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void indexOfAnEmptyFolderSaysSo() throws IOException {
        Path index = new OutputFolder(dir.resolve("new"), Set.of(Format.HTML)).writeIndex().orElseThrow();
        assertThat(Jsoup.parse(index.toFile(), "UTF-8").select("li")).isEmpty();
        assertThat(Files.readString(index)).contains("No article yet.");
    }

    @Test
    void noIndexWithoutReviewPages() throws IOException {
        assertThat(new OutputFolder(dir, Set.of(Format.MD, Format.JSON)).writeIndex()).isEmpty();
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void needsAtLeastOneFormat() {
        assertThatThrownBy(() -> new OutputFolder(dir, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
