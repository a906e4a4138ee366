package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import depeche.document.AlignedParagraph;
import depeche.document.BilingualDocument;
import depeche.document.SentencePair;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownWriterTest {

    private final BilingualDocument document = SampleDocument.sample();

    @Test
    void articleSectionAlternatesQuotedFrenchAndEnglishParagraphsLiterally() throws Exception {
        String markdown = WriterTestSupport.render(Format.MD, document);
        String article = markdown.substring(markdown.indexOf("## Article"), markdown.indexOf("## Warnings"));
        List<Node> blocks = children(Parser.builder().build().parse(article));

        assertThat(blocks.get(0)).isInstanceOf(Heading.class);
        List<String> expected = new ArrayList<>();
        for (AlignedParagraph paragraph : document.paragraphs()) {
            expected.add("FR " + paragraph.source());
            expected.add("EN " + paragraph.target());
        }
        // after the heading and the line explaining the layout
        List<String> actual = blocks.subList(2, blocks.size()).stream()
                .map(block -> (block instanceof BlockQuote ? "FR " : "EN ") + plainText(block))
                .toList();
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void everySourceSentenceAppearsOnceInOrderFollowedByItsTranslation() throws Exception {
        String markdown = WriterTestSupport.render(Format.MD, document);
        String article = markdown.substring(markdown.indexOf("## Article"), markdown.indexOf("## Warnings"));
        String text = plainText(Parser.builder().build().parse(article));
        List<String> expected = new ArrayList<>();
        for (AlignedParagraph paragraph : document.paragraphs()) {
            paragraph.sentences().stream().map(SentencePair::source).forEach(expected::add);
            paragraph.sentences().stream().map(SentencePair::target).forEach(expected::add);
        }
        WriterTestSupport.assertEachOnceInOrder(text, expected);
    }

    @Test
    void startsWithHeadlineSourceAndSummaryAndEndsWithWarningsAndModels() throws Exception {
        String markdown = WriterTestSupport.render(Format.MD, document);
        List<Node> blocks = children(Parser.builder().build().parse(markdown));
        assertThat(blocks.get(0)).isInstanceOf(Heading.class);
        assertThat(plainText(blocks.get(0))).isEqualTo(document.translatedTitle());
        assertThat(markdown).contains("*Le « titre » \\& \\<l’article\\>*");
        assertThat(markdown).contains("Source: seeds/sample-1.txt · https://journal.example/a?x=1\\&y=\"2\" · 2022-01-08");
        assertThat(markdown.indexOf("## Summary (extractive)")).isLessThan(markdown.indexOf("## Article"));
        assertThat(markdown).contains("- paragraph 3, sentence 2: " + SampleDocument.SPLIT_WARNING);
        assertThat(markdown).endsWith("Made by depeche 0.1.0-test with opus-mt-fr-en (marian, sha256 "
                + "ab".repeat(32) + ").\n");
    }

    @Test
    void escapesWhatMarkdownWouldInterpret() {
        assertThat(MarkdownText.escape("# titre")).isEqualTo("\\# titre");
        assertThat(MarkdownText.escape("12. point")).isEqualTo("12\\. point");
        assertThat(MarkdownText.escape("- tiret")).isEqualTo("\\- tiret");
        assertThat(MarkdownText.escape("> cité")).isEqualTo("\\> cité");
        assertThat(MarkdownText.escape("a *b* _c_ `d` [e](f) <g> &h; |i| ~j~ \\k"))
                .isEqualTo("a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> \\&h; \\|i\\| \\~j\\~ \\\\k");
        assertThat(MarkdownText.escape("  deux\n  lignes  ")).isEqualTo("deux lignes");
        assertThat(MarkdownText.escape("l’OTSC (2 500) - oui.")).isEqualTo("l’OTSC (2 500) - oui.");
        assertThat(MarkdownText.escape("000_8e5b _a_ b_ _c")).isEqualTo("000_8e5b \\_a\\_ b\\_ \\_c");
    }

    private static List<Node> children(Node parent) {
        List<Node> children = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            children.add(child);
        }
        return children;
    }

    /** The text of a block; fails on any formatting, link or HTML, which escaping must prevent. */
    private static String plainText(Node node) {
        StringBuilder text = new StringBuilder();
        for (Node child : children(node)) {
            if (child instanceof Text literal) {
                text.append(literal.getLiteral());
            } else if (child instanceof SoftLineBreak) {
                text.append(' ');
            } else if (child instanceof Paragraph || child instanceof BlockQuote || child instanceof Heading) {
                text.append(text.length() > 0 ? "\n" : "").append(plainText(child));
            } else {
                fail("unexpected Markdown " + child + " in " + node);
            }
        }
        return text.toString();
    }

    @Test
    void aReviewSectionListsFlagsAndReviewedSentencesAfterTheWarnings() throws Exception {
        String markdown = WriterTestSupport.render(Format.MD, document);
        String review = markdown.substring(markdown.indexOf("## Review"), markdown.indexOf("---"));
        assertThat(markdown.indexOf("## Warnings")).isLessThan(markdown.indexOf("## Review"));
        assertThat(review.lines().filter(line -> line.startsWith("- "))).containsExactly(
                "- paragraph 1, sentence 1: number-mismatch (error): the source's 7 is missing or changed in the English",
                "- paragraph 1, sentence 2: reviewed by a person");
    }
}
