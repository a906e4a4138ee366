package depeche.io;

import depeche.document.Article;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jsoup.Jsoup;

/**
 * A {@code .md} article: CommonMark (with GitHub's tables) turned into HTML, then read as an HTML article, so the
 * first {@code # } heading is the headline and each paragraph, sub-heading, list item or quotation is
 * a paragraph, each fenced or indented code block a code block (never translated) and each table a table
 * (translated cell by cell); links keep their text, images and raw HTML scripts are dropped. A file nested deeper than
 * {@link ReadLimits#MAX_NESTING} levels is refused before it is rendered.
 */
final class MarkdownArticleReader {

    // Both are immutable and thread-safe.
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private MarkdownArticleReader() {}

    static Article read(Path file, String id, DecodedText decoded) {
        Node document = PARSER.parse(decoded.text());
        // The renderer recurses once per level: a few thousand '>' would overflow the stack.
        ReadLimits.checkNesting(file, depth(document), "quotes, lists, emphasis or links");
        String html = RENDERER.render(document);
        return HtmlArticleReader.read(file, id, Jsoup.parse(html), decoded.warnings(),
                "start the file with a '# ' heading");
    }

    /** How many levels below {@code root} the tree goes, walked without recursion. */
    static int depth(Node root) {
        int max = 0;
        int depth = 0;
        Node node = root;
        while (true) {
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                max = Math.max(max, ++depth);
                continue;
            }
            while (node != root && node.getNext() == null) {
                node = node.getParent();
                depth--;
            }
            if (node == root) {
                return max;
            }
            node = node.getNext();
        }
    }
}
