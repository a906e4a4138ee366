package depeche.io;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.ModelInfo;
import depeche.document.SentencePair;
import depeche.document.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * {@code <id>.html}: a review page with the headline and summary on top, then the article with
 * French on the left and English on the right, one row per paragraph so they stay aligned; on a
 * phone the English follows each French paragraph. Every sentence is a {@code span.s} whose
 * {@code data-s} ("paragraph.sentence", from 1) is the same in both languages.
 */
final class HtmlWriter {

    // Read back by the index from the pages; defined here, next to the markup they select.
    static final String FRENCH_TITLE = ".headline [lang=fr]";
    static final String ENGLISH_TITLE = ".headline [lang=en]";
    static final String ENGLISH_SUMMARY = ".summary [lang=en]";

    private HtmlWriter() {}

    static void write(BilingualDocument document, OutputStream out) throws IOException {
        Document page = HtmlPages.newPage(document.translatedTitle());
        Element body = page.body();
        Article article = document.article();

        Element headline = body.appendElement("header").addClass("pair").addClass("headline");
        headline.appendElement("h1").attr("lang", "fr").text(article.title());
        headline.appendElement("h1").attr("lang", "en").text(document.translatedTitle());
        appendSource(body.appendElement("p").addClass("meta"), article);
        document.summary().ifPresent(summary -> appendSummary(body, summary));

        Element main = body.appendElement("main");
        Element columns = main.appendElement("div").addClass("pair").addClass("columns").attr("aria-hidden", "true");
        columns.appendElement("div").text("Français");
        columns.appendElement("div").text("English");
        List<AlignedParagraph> paragraphs = document.paragraphs();
        for (int p = 0; p < paragraphs.size(); p++) {
            Element row = main.appendElement("div").addClass("pair").id("p" + (p + 1));
            Element french = row.appendElement("p").attr("lang", "fr");
            Element english = row.appendElement("p").attr("lang", "en");
            List<SentencePair> sentences = paragraphs.get(p).sentences();
            for (int s = 0; s < sentences.size(); s++) {
                String position = (p + 1) + "." + (s + 1);
                SentencePair pair = sentences.get(s);
                appendSentence(french, pair.source(), position, pair.warnings());
                appendSentence(english, pair.target(), position, pair.warnings());
            }
        }
        appendFooter(body.appendElement("footer"), document);
        HtmlPages.write(page, out);
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

    private static void appendSentence(Element paragraph, String text, String position, List<String> warnings) {
        if (!paragraph.children().isEmpty()) {
            paragraph.appendText(" ");
        }
        Element sentence = paragraph.appendElement("span").addClass("s").attr("data-s", position).text(text);
        if (!warnings.isEmpty()) {
            sentence.addClass("warned").attr("title", String.join("\n", warnings));
        }
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
