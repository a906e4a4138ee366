package depeche.io;

import depeche.document.Article;
import java.nio.file.Path;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;

/**
 * A {@code .md} article: CommonMark turned into HTML, then read as an HTML article, so the first
 * {@code # } heading is the headline and each paragraph, sub-heading, list item or quotation is
 * a paragraph; links keep their text, images and raw HTML scripts are dropped.
 */
final class MarkdownArticleReader {

    // Both are immutable and thread-safe.
    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().build();

    private MarkdownArticleReader() {}

    static Article read(Path file, String id, DecodedText decoded) {
        String html = RENDERER.render(PARSER.parse(decoded.text()));
        return HtmlArticleReader.read(file, id, Jsoup.parse(html), decoded.warnings(),
                "start the file with a '# ' heading");
    }
}
