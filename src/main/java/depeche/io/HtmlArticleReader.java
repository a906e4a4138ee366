package depeche.io;

import depeche.document.Article;
import depeche.document.Block;
import depeche.text.FrenchNormalizer;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeTraversor;

/**
 * An {@code .html} article: the headline and the body of a news page ({@link BodyBlocks}: paragraphs, code
 * blocks, tables), without its scripts, navigation, sharing buttons and other boilerplate. Also reads the HTML
 * that Markdown articles are turned into.
 */
final class HtmlArticleReader {

    /** Where the article is, best first; the candidate holding the most paragraph text wins. */
    private static final String CONTENT_ROOTS = "article, main, [role=main], [itemprop=articleBody]";

    /** Never article text. A header inside the article is kept: it often holds the lede. */
    private static final String BOILERPLATE = "script, style, noscript, template, iframe, object, embed, svg, canvas,"
            + " form, button, nav, aside, footer, figure, img, video, audio, body > header, header:has(nav),"
            + " [hidden], [aria-hidden=true], [role=navigation], [role=banner], [role=contentinfo],"
            + " [role=complementary], [role=dialog]";

    /** Class or id names of page furniture that is not marked up as such. */
    private static final Pattern BOILERPLATE_NAMES = Pattern.compile(
            "\\b(share|sharing|social|related|comments?|newsletter|cookies?|consent|ads?|advert\\w*|promo"
                    + "|breadcrumbs?|subscribe|paywall|sidebar|menu)\\b",
            Pattern.CASE_INSENSITIVE);

    private HtmlArticleReader() {}

    static Article read(Path file, String id, DecodedText decoded) {
        return read(file, id, Jsoup.parse(decoded.text()), decoded.warnings(), "no <h1>, og:title or <title>");
    }

    /**
     * The article in {@code page}.
     *
     * @param noTitle what to say when the page has no headline
     */
    static Article read(Path file, String id, Document page, List<String> warnings, String noTitle) {
        ReadLimits.checkNesting(file, depth(page), "elements");
        Element root = contentRoot(page);
        // An <h1> outside the article is often the site's name, so og:title comes before it.
        Optional<Element> heading = Optional.ofNullable(root.selectFirst("h1"));
        String title = FrenchNormalizer.clean(heading.map(Element::text)
                .or(() -> meta(page, "og:title"))
                .or(() -> Optional.ofNullable(page.selectFirst("h1")).map(Element::text))
                .orElse(page.title()));
        if (title.isEmpty()) {
            throw new ArticleReadException(file, "no headline found (" + noTitle + ")");
        }
        Optional<String> url = Optional.ofNullable(page.selectFirst("link[rel=canonical][href]"))
                .map(link -> link.attr("href"))
                .or(() -> meta(page, "og:url"));
        Optional<String> date = meta(page, "article:published_time")
                .or(() -> Optional.ofNullable(root.selectFirst("time[datetime]")).map(time -> time.attr("datetime")));

        heading.ifPresent(Element::remove);
        root.select(BOILERPLATE).remove();
        root.getAllElements().stream()
                .filter(element -> element != root && isBoilerplateByName(element))
                .forEach(Element::remove);
        List<Block> blocks = BodyBlocks.of(root);
        if (blocks.isEmpty()) {
            throw new ArticleReadException(file, "no paragraphs found after the headline");
        }
        return Article.of(id, title, blocks, file, url.filter(u -> !u.isBlank()), date.filter(d -> !d.isBlank()),
                warnings);
    }

    /** How many levels the page's elements nest, walked without recursion. */
    private static int depth(Document page) {
        int[] max = {0};
        NodeTraversor.traverse((node, depth) -> max[0] = Math.max(max[0], depth), page);
        return max[0];
    }

    private static Element contentRoot(Document page) {
        return page.select(CONTENT_ROOTS).stream()
                .max(Comparator.comparingInt(HtmlArticleReader::paragraphTextLength))
                .orElse(page.body());
    }

    private static int paragraphTextLength(Element element) {
        return element.select("p").text().length();
    }

    private static boolean isBoilerplateByName(Element element) {
        return BOILERPLATE_NAMES.matcher(element.className()).find() || BOILERPLATE_NAMES.matcher(element.id()).find();
    }

    private static Optional<String> meta(Document page, String property) {
        return Optional.ofNullable(page.selectFirst("meta[property=" + property + "][content]"))
                .map(meta -> meta.attr("content").strip())
                .filter(content -> !content.isEmpty());
    }
}
