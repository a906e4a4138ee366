package depeche.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;

/**
 * The pages depeche writes (review pages and their index): self-contained HTML5 with the style
 * sheet and script inline (no network, no fonts to fetch: they work offline from a folder), built
 * with jsoup so every text and attribute is escaped by the library.
 */
final class HtmlPages {

    /** Marks depeche's own pages, so that the index lists only them. */
    static final String GENERATOR = "depeche";

    private static final String STYLE = resource("pages.css");
    private static final String SCRIPT = resource("pages.js");

    private HtmlPages() {}

    /** An empty page with its head filled in. */
    static Document newPage(String title) {
        Document page = Document.createShell("");
        page.prependChild(new DocumentType("html", "", ""));
        page.outputSettings().charset(StandardCharsets.UTF_8).indentAmount(1);
        page.selectFirst("html").attr("lang", "en");
        Element head = page.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("meta").attr("name", "generator").attr("content", GENERATOR);
        head.appendElement("title").text(title);
        head.appendElement("style").appendChild(new DataNode(STYLE));
        return page;
    }

    /** The review tools' script, at the end of the body so the page is there when it runs. */
    static void appendScript(Document page) {
        page.body().appendElement("script").appendChild(new DataNode(SCRIPT));
    }

    static boolean isGenerated(Document page) {
        Element generator = page.selectFirst("meta[name=generator]");
        return generator != null && generator.attr("content").equals(GENERATOR);
    }

    static void write(Document page, OutputStream out) throws IOException {
        out.write(page.outerHtml().getBytes(StandardCharsets.UTF_8));
    }

    /** Only http(s) addresses become links: a {@code javascript:} url from an input file must not run. */
    static boolean isWebAddress(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8) || url.regionMatches(true, 0, "http://", 0, 7);
    }

    private static String resource(String name) {
        try (InputStream in = HtmlPages.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing resource " + name, e);
        }
    }
}
