package depeche.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Block;
import depeche.document.Flag;
import depeche.document.ModelInfo;
import depeche.document.Origin;
import depeche.document.SentencePair;
import depeche.document.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code <id>.html}: a review page with the headline and summary on top, then the article with
 * French on the left and English on the right, one row per paragraph so they stay aligned; on a
 * phone the English follows each French paragraph. Every sentence is a {@code span.s} whose
 * {@code data-s} ("paragraph.sentence", from 1) is the same in both languages. A table is a French
 * {@code <table>} beside an English one, each cell with text a sentence of its paragraph (numbered row by row);
 * code spans both columns as it is, in a {@code figure.code} marked {@code translate="no"}, with no sentences.
 *
 * <p>A flagged sentence is marked in both languages ({@code .flagged}, with {@code .sev-error},
 * {@code .sev-warning} or {@code .sev-info} for its worst flag) and its flags are listed under its
 * paragraph; the English span carries {@code data-flags} (codes), {@code data-confidence} and a title
 * saying both. A reviewer's correction is {@code .reviewed}. The page's script ({@code pages.js}) adds
 * the review tools: a flagged-only filter, moving from flag to flag, editing and marking sentences and
 * exporting the corrections as a file (see the README for its format). Everything is inline: the
 * page works offline from a folder.
 */
final class HtmlWriter {

    // Read back by the index from the pages; defined here, next to the markup they select.
    static final String FRENCH_TITLE = ".headline [lang=fr]";
    static final String ENGLISH_TITLE = ".headline [lang=en]";
    static final String ENGLISH_SUMMARY = ".summary [lang=en]";
    static final String ENGLISH_SENTENCES = "main [lang=en] span.s";
    static final String FLAG_ITEMS = "main ul.flags > li";
    static final String DATE = ".meta time";
    /** The page's facts for its script: article id and models, as JSON. */
    static final String REVIEW_DATA_ID = "depeche-review";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private HtmlWriter() {}

    static void write(BilingualDocument document, OutputStream out) throws IOException {
        Document page = HtmlPages.newPage(document.translatedTitle());
        Element body = page.body();
        Article article = document.article();

        body.appendElement("script").attr("type", "application/json").id(REVIEW_DATA_ID)
                .appendChild(new DataNode(reviewData(document)));
        Element headline = body.appendElement("header").addClass("pair").addClass("headline");
        headline.appendElement("h1").attr("lang", "fr").text(article.title());
        headline.appendElement("h1").attr("lang", "en").text(document.translatedTitle());
        appendSource(body.appendElement("p").addClass("meta"), article);
        document.summary().ifPresent(summary -> appendSummary(body, summary));
        appendReviewBar(body, document);

        Element main = body.appendElement("main");
        Element columns = main.appendElement("div").addClass("pair").addClass("columns").attr("aria-hidden", "true");
        columns.appendElement("div").text("Français");
        columns.appendElement("div").text("English");
        List<AlignedParagraph> paragraphs = document.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            AlignedParagraph paragraph = paragraphs.get(p);
            Element row = main.appendElement("div").addClass("pair").id("p" + (p + 1));
            if (paragraph.block() instanceof Block.Code code) {
                appendCode(row, code);
                continue;
            }
            Element flags = new Element("ul").addClass("flags");
            SentenceAppender sentences = new SentenceAppender(p + 1, flags);
            if (paragraph.block() instanceof Block.Table table) {
                appendTables(row, table, paragraph.cells(), sentences);
            } else {
                Element french = row.appendElement("p").attr("lang", "fr");
                Element english = row.appendElement("p").attr("lang", "en");
                paragraph.sentences().forEach(pair -> sentences.append(french, english, pair));
            }
            if (!flags.children().isEmpty()) {
                row.addClass("has-flags").appendChild(flags);
            }
        }
        appendEditor(body);
        appendFooter(body.appendElement("footer"), document);
        HtmlPages.appendScript(page);
        HtmlPages.write(page, out);
    }

    /** The article id, models and tool version the export names, as JSON safe inside a script element. */
    private static String reviewData(BilingualDocument document) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("article", document.id());
        data.put("models", document.run().models());
        data.put("tool_version", document.run().toolVersion());
        // '<' only occurs inside JSON strings, where \u003c means the same: no "</script>" can end the element.
        return JSON.writeValueAsString(data).replace("<", "\\u003c");
    }

    private static void appendSource(Element meta, Article article) {
        List<Element> items = new ArrayList<>();
        items.add(new Element("span").text(article.id()));
        article.url().ifPresent(url -> items.add(HtmlPages.isWebAddress(url)
                ? new Element("a").attr("href", url).text(url)
                : new Element("span").text(url)));
        article.date().ifPresent(date -> items.add(new Element("time").text(date)));
        items.add(new Element("span").text(article.source().toString()));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                meta.appendText(" · ");
            }
            meta.appendChild(items.get(i));
        }
    }

    private static void appendSummary(Element body, Summary summary) {
        Element section = body.appendElement("section").addClass("summary");
        section.appendElement("h2").text("Summary ")
                .appendElement("small").text("(" + summary.method().name().toLowerCase(Locale.ROOT)
                        + summary.model().map(model -> ", " + model).orElse("") + ")");
        Element pair = section.appendElement("div").addClass("pair");
        summary.french().ifPresent(french -> pair.appendElement("p").attr("lang", "fr").text(french));
        pair.appendElement("p").attr("lang", "en").text(summary.english());
    }

    /** The review tools' bar; its buttons do nothing until the script runs (printing hides it). */
    private static void appendReviewBar(Element body, BilingualDocument document) {
        List<SentencePair> sentences = document.sentences();
        long flags = sentences.stream().mapToLong(s -> s.flags().size()).sum();
        long flagged = sentences.stream().filter(s -> !s.flags().isEmpty()).count();
        Element bar = body.appendElement("nav").addClass("review-bar").attr("aria-label", "Review");
        bar.appendElement("span").addClass("counts").text(flags + (flags == 1 ? " flag" : " flags") + " in "
                + flagged + " of " + sentences.size() + " sentences");
        Element filter = bar.appendElement("label").addClass("filter");
        filter.appendElement("input").attr("type", "checkbox").id("flagged-only");
        filter.appendText(" Flagged only");
        button(bar, "prev-flag", "◀ Flag", "Previous flagged sentence (k)");
        button(bar, "next-flag", "Flag ▶", "Next flagged sentence (j)");
        button(bar, "edit", "Edit", "Correct the English of the chosen sentence (e)").attr("disabled", "");
        button(bar, "mark-reviewed", "Reviewed ✓", "Mark the chosen sentence reviewed, or not (r)")
                .attr("disabled", "").attr("aria-pressed", "false");
        button(bar, "export", "Export corrections", "Save your corrections as a file for depeche review apply");
        bar.appendElement("span").addClass("status").attr("role", "status").attr("aria-live", "polite");
    }

    private static Element button(Element bar, String id, String label, String title) {
        return bar.appendElement("button").attr("type", "button").id(id).attr("title", title).text(label);
    }

    /** The panel a reviewer corrects a sentence in; hidden until a sentence is edited. */
    private static void appendEditor(Element body) {
        Element editor = body.appendElement("section").id("editor").addClass("editor").attr("hidden", "")
                .attr("aria-labelledby", "editor-title");
        editor.appendElement("h2").id("editor-title").text("Correct sentence ")
                .appendElement("span").addClass("where");
        editor.appendElement("p").attr("lang", "fr").addClass("editor-source");
        editor.appendElement("ul").addClass("editor-flags");
        editor.appendElement("label").attr("for", "editor-text").addClass("editor-label").text("English");
        editor.appendElement("textarea").id("editor-text").attr("lang", "en").attr("rows", "3");
        Element actions = editor.appendElement("div").addClass("editor-actions");
        button(actions, "editor-save", "Save and mark reviewed", "Ctrl+Enter");
        button(actions, "editor-cancel", "Cancel", "Escape");
    }

    /** Puts a paragraph's sentences (or a table's cells) on the page, numbering them from 1 as the export does. */
    private static final class SentenceAppender {
        private final int paragraph;
        private final Element flags;
        private int sentence;

        SentenceAppender(int paragraph, Element flags) {
            this.paragraph = paragraph;
            this.flags = flags;
        }

        /** The next sentence, its French into {@code french} and its reviewable English into {@code english}. */
        void append(Element french, Element english, SentencePair pair) {
            String position = paragraph + "." + ++sentence;
            mark(appendSentence(french, pair.source(), position), pair);
            Element target = mark(appendSentence(english, pair.target(), position), pair)
                    .attr("tabindex", "0").id("s" + position);
            describe(target, pair);
            pair.flags().forEach(flag -> appendFlag(flags, position, flag, pair));
        }
    }

    /** Code across both columns, as it is, marked as not translated ({@code translate="no"} for browsers too). */
    private static void appendCode(Element row, Block.Code code) {
        Element block = row.addClass("code").appendElement("figure").addClass("code").attr("translate", "no");
        block.appendElement("figcaption").text("Code" + (code.language().isEmpty() ? "" : " (" + code.language() + ")")
                + ", not translated");
        Element element = block.appendElement("pre").appendElement("code").text(code.text());
        if (!code.language().isEmpty()) {
            element.addClass("language-" + code.language());
        }
    }

    /** The French table and the English one side by side, each cell's English reviewable like a sentence. */
    private static void appendTables(Element row, Block.Table table, List<List<Optional<SentencePair>>> cells,
                                     SentenceAppender sentences) {
        row.addClass("table");
        Element french = row.appendElement("table").attr("lang", "fr");
        Element english = row.appendElement("table").attr("lang", "en");
        for (int r = 0; r < cells.size(); r++) {
            Element frenchRow = (r < table.headerRows() ? section(french, "thead") : section(french, "tbody"))
                    .appendElement("tr");
            Element englishRow = (r < table.headerRows() ? section(english, "thead") : section(english, "tbody"))
                    .appendElement("tr");
            String tag = r < table.headerRows() ? "th" : "td";
            for (int c = 0; c < table.columns(); c++) {
                Element frenchCell = aligned(frenchRow.appendElement(tag), table.alignments().get(c));
                Element englishCell = aligned(englishRow.appendElement(tag), table.alignments().get(c));
                cells.get(r).get(c).ifPresent(pair -> sentences.append(frenchCell, englishCell, pair));
            }
        }
    }

    private static Element section(Element table, String name) {
        Element last = table.children().last();
        return last != null && last.normalName().equals(name) ? last : table.appendElement(name);
    }

    private static Element aligned(Element cell, Block.Table.Alignment alignment) {
        return alignment == Block.Table.Alignment.NONE ? cell
                : cell.addClass("align-" + alignment.name().toLowerCase(Locale.ROOT));
    }

    private static Element appendSentence(Element paragraph, String text, String position) {
        if (!paragraph.children().isEmpty()) {
            paragraph.appendText(" ");
        }
        return paragraph.appendElement("span").addClass("s").attr("data-s", position).text(text);
    }

    /** Marks a sentence (in either language) flagged with its worst severity, and reviewed. */
    private static Element mark(Element sentence, SentencePair pair) {
        if (!pair.flags().isEmpty()) {
            sentence.addClass("flagged").addClass(severityClass(pair.flags().stream()
                    .map(Flag::severity).max(Enum::compareTo).orElseThrow()));
        }
        if (pair.origin() == Origin.REVIEWED) {
            sentence.addClass("reviewed");
        }
        return sentence;
    }

    /** What the English span says about itself, for the script and as a tooltip. */
    private static void describe(Element target, SentencePair pair) {
        List<String> title = new ArrayList<>();
        if (!pair.flags().isEmpty()) {
            target.attr("data-flags", pair.flags().stream().map(Flag::code).collect(Collectors.joining(" ")));
            pair.flags().forEach(flag -> title.add(flag.code() + ": " + flag.reason()));
        }
        pair.confidence().ifPresent(c -> {
            target.attr("data-confidence", Double.toString(c));
            title.add(String.format(Locale.ROOT, "confidence %.3f", c));
        });
        title.addAll(pair.warnings().stream().filter(w -> pair.flags().stream().noneMatch(f -> f.reason().equals(w)))
                .toList());
        if (pair.origin() == Origin.REVIEWED) {
            title.add("reviewed by a person");
        }
        if (!title.isEmpty()) {
            target.attr("title", String.join("\n", title));
        }
    }

    private static void appendFlag(Element list, String position, Flag flag, SentencePair pair) {
        String severity = flag.severity().name().toLowerCase(Locale.ROOT);
        Element item = list.appendElement("li").attr("data-s", position).addClass(severityClass(flag.severity()));
        if (pair.origin() == Origin.REVIEWED) {
            item.addClass("reviewed");
        }
        item.appendElement("a").attr("href", "#s" + position).text(position);
        item.appendText(" ");
        item.appendElement("code").text(flag.code());
        item.appendText(" (" + severity + "): " + flag.reason());
        pair.confidence().ifPresent(c -> item.appendText(String.format(Locale.ROOT, " · confidence %.3f", c)));
    }

    private static String severityClass(Flag.Severity severity) {
        return "sev-" + severity.name().toLowerCase(Locale.ROOT);
    }

    private static void appendFooter(Element footer, BilingualDocument document) {
        List<String> warnings = document.allWarnings();
        if (!warnings.isEmpty()) {
            footer.appendElement("h2").text("Warnings");
            Element list = footer.appendElement("ul").addClass("warnings");
            warnings.forEach(warning -> list.appendElement("li").text(warning));
        }
        footer.appendElement("h2").text("How it was made");
        Element facts = footer.appendElement("dl");
        for (ModelInfo model : document.run().models()) {
            appendFact(facts, "Model", model.name() + " (" + model.type() + "), weights sha256 " + model.weightsSha256());
        }
        document.run().settings().forEach((name, value) -> appendFact(facts, name, value));
        for (Map.Entry<String, Duration> timing : document.run().timings().entrySet()) {
            appendFact(facts, timing.getKey() + " time", timing.getValue().toMillis() + " ms");
        }
        appendFact(facts, "depeche", document.run().toolVersion());
    }

    private static void appendFact(Element list, String name, String value) {
        list.appendElement("dt").text(name);
        list.appendElement("dd").text(value);
    }
}
