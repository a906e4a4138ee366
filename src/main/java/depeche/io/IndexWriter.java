package depeche.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code index.html}: links to every review page of the output folder, this run's and earlier
 * ones', with its English headline and summary. Built from the review pages themselves, so it
 * lists exactly the pages that exist; other HTML files in the folder are left out.
 */
final class IndexWriter {

    static final String FILE_NAME = "index.html";

    private record Entry(String file, String englishTitle, String frenchTitle, Optional<String> englishSummary) {}

    private IndexWriter() {}

    static void write(Path folder, OutputStream out) throws IOException {
        List<Entry> entries = reviewPages(folder);
        Document page = HtmlPages.newPage("depeche — " + entries.size() + " articles");
        Element body = page.body();
        body.appendElement("h1").text("Translated articles");
        if (entries.isEmpty()) {
            body.appendElement("p").text("No article yet.");
        }
        Element list = body.appendElement("ul").addClass("index");
        for (Entry entry : entries) {
            Element item = list.appendElement("li");
            item.appendElement("a").attr("href", entry.file()).text(entry.englishTitle());
            item.appendElement("p").addClass("original").attr("lang", "fr").text(entry.frenchTitle());
            entry.englishSummary().ifPresent(summary -> item.appendElement("p").text(summary));
        }
        HtmlPages.write(page, out);
    }

    private static List<Entry> reviewPages(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> pages = files
                    .filter(file -> file.getFileName().toString().endsWith(".html"))
                    .filter(file -> !file.getFileName().toString().equals(FILE_NAME))
                    .sorted()
                    .toList();
            List<Entry> entries = new ArrayList<>();
            for (Path file : pages) {
                entry(file).ifPresent(entries::add);
            }
            return entries;
        }
    }

    private static Optional<Entry> entry(Path file) throws IOException {
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        Element englishTitle = page.selectFirst(HtmlWriter.ENGLISH_TITLE);
        if (!HtmlPages.isGenerated(page) || englishTitle == null) {
            return Optional.empty();
        }
        Element frenchTitle = page.selectFirst(HtmlWriter.FRENCH_TITLE);
        return Optional.of(new Entry(
                file.getFileName().toString(),
                englishTitle.text(),
                frenchTitle == null ? "" : frenchTitle.text(),
                Optional.ofNullable(page.selectFirst(HtmlWriter.ENGLISH_SUMMARY)).map(Element::text)));
    }
}
