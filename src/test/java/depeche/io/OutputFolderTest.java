package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.AlignedParagraph;
import depeche.document.BilingualDocument;
import depeche.document.Origin;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
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
                .containsExactly("sample-1.md", "sample-1.json", "sample-1.html", "sample-1.tmx", "sample-1.xlf");
        assertThat(names(out)).containsExactly("sample-1.html", "sample-1.json", "sample-1.md", "sample-1.tmx",
                "sample-1.xlf");

        new OutputFolder(out, Set.of(Format.TMX)).write(SampleDocument.sample("other", "Autre"));
        assertThat(names(out)).contains("other.tmx").doesNotContain("other.md");
    }

    private static IndexEntry entry(String id, IndexEntry.Status status, String error) {
        return new IndexEntry(id, status, "seeds/" + id + ".txt", Optional.of("Titre de " + id),
                Optional.of("2022-01-0" + id.length() % 9), Optional.ofNullable(error));
    }

    /** A sample document whose first {@code flagged} machine-translated sentences are flagged (errors), the others clean. */
    private static BilingualDocument withFlags(String id, int flagged) {
        BilingualDocument sample = SampleDocument.sample(id, "Un article & <" + id + ">");
        int[] left = {flagged};
        List<AlignedParagraph> paragraphs = sample.paragraphs().stream().map(p -> new AlignedParagraph(
                p.sentences().stream().map(s -> s.withFlags(s.origin() == Origin.MACHINE && left[0]-- > 0
                        ? List.of(SampleDocument.NUMBER_FLAG) : List.of())).toList())).toList();
        return new BilingualDocument(sample.article(), sample.translatedTitle(), paragraphs, sample.summary(),
                sample.run(), sample.warnings());
    }

    @Test
    void indexListsEveryArticleOfTheRunWithStatusDateAndCountsTheMostFlaggedFirst() throws IOException {
        OutputFolder folder = new OutputFolder(dir, Set.of(Format.HTML, Format.JSON));
        folder.write(withFlags("a-few", 1));
        folder.write(withFlags("b-many", 3));
        folder.write(withFlags("c-skipped", 2)); // as an earlier run left it
        Files.writeString(dir.resolve("notes.html"), "<html><body><h1 lang=en>Not ours</h1></body></html>");
        Files.writeString(dir.resolve("run-report.json"), "{}");

        Path index = folder.writeIndex(List.of(
                entry("a-few", IndexEntry.Status.TRANSLATED, null),
                entry("broken", IndexEntry.Status.FAILED, "seeds/broken.txt: not UTF-8"),
                entry("b-many", IndexEntry.Status.TRANSLATED, null),
                entry("c-skipped", IndexEntry.Status.SKIPPED, null))).orElseThrow();

        assertThat(index).isEqualTo(dir.resolve("index.html"));
        Document page = Jsoup.parse(index.toFile(), "UTF-8");
        List<Element> rows = page.select("table.index > tbody > tr");
        assertThat(rows).extracting(row -> row.attr("data-id")).containsExactly("b-many", "c-skipped", "a-few", "broken");
        assertThat(rows).extracting(row -> row.attr("data-status"))
                .containsExactly("translated", "skipped", "translated", "failed");
        assertThat(rows).extracting(row -> row.attr("data-flags")).containsExactly("3", "2", "1", "0");
        Element worst = rows.get(0);
        assertThat(worst.selectFirst("a").attr("href")).isEqualTo("b-many.html");
        assertThat(worst.selectFirst("a").text()).isEqualTo("EN: Un article & <b-many>");
        assertThat(worst.selectFirst("[lang=fr]").text()).isEqualTo("Un article & <b-many>");
        assertThat(worst.select("td").eachText()).containsExactly(worst.child(0).text(), "translated",
                "2022-01-06", "7", "3 (3 errors) 1 reviewed");
        Element failed = rows.get(3);
        assertThat(failed.select("a")).isEmpty();
        assertThat(failed.selectFirst(".error").text()).isEqualTo("seeds/broken.txt: not UTF-8");
        assertThat(failed.select("td.num").eachText()).containsExactly("–", "–");
        assertThat(page.selectFirst(".run-summary").text())
                .isEqualTo("4 articles: 2 translated, 1 skipped, 1 failed · 6 open flags; the most flagged first.");
        assertThat(page.select("a").eachAttr("href")).allSatisfy(href -> assertThat(dir.resolve(href)).exists());
        assertThat(names(dir)).noneMatch(name -> name.endsWith(".tmp"));
    }

    @Test
    void pagesOfEarlierRunsAreListedAfterTheRunsAndTheIndexCanBeRefreshedWithoutTheRun() throws IOException {
        OutputFolder folder = new OutputFolder(dir, Set.of(Format.HTML));
        folder.write(withFlags("old", 2));
        folder.write(withFlags("today", 0));
        folder.writeIndex(List.of(entry("today", IndexEntry.Status.TRANSLATED, null),
                entry("gone", IndexEntry.Status.FAILED, "boom")));
        Document first = Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
        assertThat(first.select("tbody > tr").eachAttr("data-status")).containsExactly("earlier", "failed", "translated");

        // A review changes a page: the index is written again from its own rows and the pages as they are now.
        folder.write(withFlags("today", 3));
        folder.writeIndex();
        Document refreshed = Jsoup.parse(dir.resolve("index.html").toFile(), "UTF-8");
        assertThat(refreshed.select("tbody > tr").eachAttr("data-id")).containsExactly("today", "old", "gone");
        assertThat(refreshed.select("tbody > tr").eachAttr("data-status")).containsExactly("translated", "earlier", "failed");
        assertThat(refreshed.selectFirst("tr[data-id=gone]").attr("data-error")).isEqualTo("boom");
    }

    @Test
    void indexOfAnEmptyFolderSaysSo() throws IOException {
        Path index = new OutputFolder(dir.resolve("new"), Set.of(Format.HTML)).writeIndex().orElseThrow();
        assertThat(Jsoup.parse(index.toFile(), "UTF-8").select("tr")).isEmpty();
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
