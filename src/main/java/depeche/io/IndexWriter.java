package depeche.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code index.html}: every article of the run with its status (translated, skipped, failed), date and counts
 * of sentences and flags, most open flags first so that a reviewer starts with the worst; then the review pages
 * of earlier runs still in the folder. Failed articles have no page and are listed with their error. The counts
 * come from the review pages themselves (a skipped article's page is the earlier run's); each row also keeps
 * what the run said of its article, so the index can be rewritten later without the run (after a review).
 */
final class IndexWriter {

    static final String FILE_NAME = "index.html";

    /** One row: the run's entry and, when the article has a page, what the page says. */
    private record Row(IndexEntry entry, Optional<PageFacts> page) {
        int openFlags() {
            return page.map(PageFacts::openFlags).orElse(0);
        }

        int openErrors() {
            return page.map(PageFacts::openErrors).orElse(0);
        }
    }

    /** What a review page says about its article. */
    private record PageFacts(String file, String englishTitle, String frenchTitle, Optional<String> date,
                             Optional<String> englishSummary, int sentences, int openFlags, int openErrors,
                             int reviewed) {}

    private IndexWriter() {}

    /** The index of {@code folder} listing {@code run}'s articles first, then the other pages of the folder. */
    static void write(Path folder, List<IndexEntry> run, OutputStream out) throws IOException {
        Map<String, PageFacts> pages = reviewPages(folder);
        List<Row> rows = new ArrayList<>();
        for (IndexEntry entry : run) {
            rows.add(new Row(entry, entry.status() == IndexEntry.Status.FAILED ? Optional.empty()
                    : Optional.ofNullable(pages.remove(entry.id()))));
        }
        pages.forEach((id, page) -> rows.add(new Row(new IndexEntry(id, IndexEntry.Status.EARLIER, "",
                Optional.of(page.frenchTitle()), page.date(), Optional.empty()), Optional.of(page))));
        rows.sort(Comparator.comparing(Row::openFlags).thenComparing(Row::openErrors).reversed()
                .thenComparing(row -> row.entry().status() == IndexEntry.Status.FAILED ? 0 : 1)
                .thenComparing(row -> row.entry().id()));
        HtmlPages.write(page(rows), out);
    }

    /** The entries an existing index lists (to write it again with fresh counts); empty when there is none. */
    static List<IndexEntry> entriesOf(Path index) throws IOException {
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        Document page = Jsoup.parse(index.toFile(), "UTF-8");
        List<IndexEntry> entries = new ArrayList<>();
        for (Element row : page.select("table.index > tbody > tr[data-id]")) {
            IndexEntry.Status status = IndexEntry.Status.valueOf(row.attr("data-status").toUpperCase(Locale.ROOT));
            if (status != IndexEntry.Status.EARLIER) { // earlier pages are found again from the folder
                entries.add(new IndexEntry(row.attr("data-id"), status, row.attr("data-source"),
                        attribute(row, "data-title"), attribute(row, "data-date"), attribute(row, "data-error")));
            }
        }
        return entries;
    }

    private static Optional<String> attribute(Element row, String name) {
        return row.hasAttr(name) ? Optional.of(row.attr(name)) : Optional.empty();
    }

    private static Document page(List<Row> rows) {
        Document page = HtmlPages.newPage("depeche — " + rows.size() + " articles");
        Element body = page.body();
        body.appendElement("h1").text("Translated articles");
        if (rows.isEmpty()) {
            body.appendElement("p").text("No article yet.");
            return page;
        }
        body.appendElement("p").addClass("run-summary").text(summary(rows));
        Element table = body.appendElement("table").addClass("index");
        Element head = table.appendElement("thead").appendElement("tr");
        for (String column : List.of("Article", "Status", "Date", "Sentences", "Open flags")) {
            head.appendElement("th").attr("scope", "col").text(column);
        }
        Element tbody = table.appendElement("tbody");
        rows.forEach(row -> appendRow(tbody, row));
        return page;
    }

    private static String summary(List<Row> rows) {
        Map<IndexEntry.Status, Integer> counts = new EnumMap<>(IndexEntry.Status.class);
        rows.forEach(row -> counts.merge(row.entry().status(), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        counts.forEach((status, n) -> parts.add(n + " " + status.label()));
        int flags = rows.stream().mapToInt(Row::openFlags).sum();
        return rows.size() + (rows.size() == 1 ? " article: " : " articles: ") + String.join(", ", parts) + " · "
                + flags + (flags == 1 ? " open flag" : " open flags") + "; the most flagged first.";
    }

    private static void appendRow(Element tbody, Row row) {
        IndexEntry entry = row.entry();
        Element tr = tbody.appendElement("tr").attr("data-id", entry.id())
                .attr("data-status", entry.status().name().toLowerCase(Locale.ROOT))
                .attr("data-source", entry.source()).attr("data-flags", Integer.toString(row.openFlags()));
        entry.title().ifPresent(title -> tr.attr("data-title", title));
        entry.date().ifPresent(date -> tr.attr("data-date", date));
        entry.error().ifPresent(error -> tr.attr("data-error", error));

        Element article = tr.appendElement("td").addClass("article");
        if (row.page().isPresent()) {
            PageFacts page = row.page().get();
            article.appendElement("a").attr("href", page.file()).text(page.englishTitle());
            article.appendElement("p").addClass("original").attr("lang", "fr").text(page.frenchTitle());
            page.englishSummary().ifPresent(summary -> article.appendElement("p").addClass("summary-text").text(summary));
        } else {
            article.appendElement("span").addClass("id").text(entry.title().orElse(entry.id()));
            article.appendElement("p").addClass("original").text(entry.source().isEmpty() ? entry.id() : entry.source());
            entry.error().ifPresent(error -> article.appendElement("p").addClass("error").text(error));
        }
        tr.appendElement("td").attr("data-label", "Status").appendElement("span")
                .addClass("status-tag").addClass(entry.status().name().toLowerCase(Locale.ROOT))
                .text(entry.status().label());
        Element date = tr.appendElement("td").attr("data-label", "Date");
        entry.date().or(() -> row.page().flatMap(PageFacts::date)).ifPresent(d -> date.appendElement("time").text(d));
        tr.appendElement("td").addClass("num").attr("data-label", "Sentences")
                .text(row.page().map(p -> Integer.toString(p.sentences())).orElse("–"));
        Element flags = tr.appendElement("td").addClass("num").attr("data-label", "Open flags");
        if (row.page().isPresent()) {
            PageFacts page = row.page().get();
            Element count = flags.appendElement("span").addClass("flag-count").text(Integer.toString(page.openFlags()));
            if (page.openErrors() > 0) {
                count.addClass("sev-error");
                flags.appendText(" ").appendElement("small").text("(" + page.openErrors()
                        + (page.openErrors() == 1 ? " error)" : " errors)"));
            } else if (page.openFlags() > 0) {
                count.addClass("sev-warning");
            }
            if (page.reviewed() > 0) {
                flags.appendElement("br");
                flags.appendElement("small").text(page.reviewed() + " reviewed");
            }
        } else {
            flags.text("–");
        }
    }

    /** The review pages of the folder by article id; other HTML files are left out. */
    private static Map<String, PageFacts> reviewPages(Path folder) throws IOException {
        Map<String, PageFacts> pages = new LinkedHashMap<>();
        if (!Files.isDirectory(folder)) {
            return pages;
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> html = files
                    .filter(file -> file.getFileName().toString().endsWith(".html"))
                    .filter(file -> !file.getFileName().toString().equals(FILE_NAME))
                    .sorted()
                    .toList();
            for (Path file : html) {
                String name = file.getFileName().toString();
                facts(file).ifPresent(facts -> pages.put(name.substring(0, name.length() - ".html".length()), facts));
            }
        }
        return pages;
    }

    private static Optional<PageFacts> facts(Path file) throws IOException {
        Document page = Jsoup.parse(file.toFile(), "UTF-8");
        Element englishTitle = page.selectFirst(HtmlWriter.ENGLISH_TITLE);
        if (!HtmlPages.isGenerated(page) || englishTitle == null) {
            return Optional.empty();
        }
        Element frenchTitle = page.selectFirst(HtmlWriter.FRENCH_TITLE);
        List<Element> flags = page.select(HtmlWriter.FLAG_ITEMS).stream().filter(li -> !li.hasClass("reviewed")).toList();
        return Optional.of(new PageFacts(
                file.getFileName().toString(),
                englishTitle.text(),
                frenchTitle == null ? "" : frenchTitle.text(),
                Optional.ofNullable(page.selectFirst(HtmlWriter.DATE)).map(Element::text),
                Optional.ofNullable(page.selectFirst(HtmlWriter.ENGLISH_SUMMARY)).map(Element::text),
                page.select(HtmlWriter.ENGLISH_SENTENCES).size(),
                flags.size(),
                (int) flags.stream().filter(li -> li.hasClass("sev-error")).count(),
                page.select(HtmlWriter.ENGLISH_SENTENCES + ".reviewed").size()));
    }
}
