package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.SentencePair;
import depeche.document.Summary;
import java.util.List;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

class HtmlWriterTest {

    private final BilingualDocument document = SampleDocument.sample();

    private Document page() throws Exception {
        return Jsoup.parse(WriterTestSupport.render(Format.HTML, document));
    }

    @Test
    void everyFrenchSentenceAppearsOnceInOrderInTheFrenchColumnBesideItsTranslation() throws Exception {
        Document page = page();
        Elements french = page.select("main [lang=fr] span.s");
        Elements english = page.select("main [lang=en] span.s");
        // wholeText: text() would turn the no-break spaces the page keeps into plain ones
        assertThat(french.stream().map(Element::wholeText)).containsExactlyElementsOf(
                document.sentences().stream().map(SentencePair::source).toList());
        assertThat(english.stream().map(Element::wholeText)).containsExactlyElementsOf(
                document.sentences().stream().map(SentencePair::target).toList());
        for (int i = 0; i < french.size(); i++) {
            assertThat(english.get(i).attr("data-s")).isEqualTo(french.get(i).attr("data-s"));
            assertThat(english.get(i).parent().parent()).isSameAs(french.get(i).parent().parent());
        }
    }

    @Test
    void alignsOneRowPerParagraphFrenchLeft() throws Exception {
        Elements rows = page().select("main > .pair[id]");
        List<AlignedParagraph> paragraphs = document.paragraphs();
        assertThat(rows).hasSize(paragraphs.size());
        for (int p = 0; p < rows.size(); p++) {
            Element row = rows.get(p);
            assertThat(row.id()).isEqualTo("p" + (p + 1));
            assertThat(row.child(0).attr("lang")).isEqualTo("fr");
            assertThat(row.child(0).wholeText()).isEqualTo(paragraphs.get(p).source());
            assertThat(row.child(1).attr("lang")).isEqualTo("en");
            assertThat(row.child(1).wholeText()).isEqualTo(paragraphs.get(p).target());
        }
    }

    @Test
    void headlineAndSummaryAreOnTopInBothLanguages() throws Exception {
        Document page = page();
        assertThat(page.title()).isEqualTo("EN: Le « titre » & <l’article>");
        assertThat(page.selectFirst(HtmlWriter.FRENCH_TITLE).text()).isEqualTo("Le « titre » & <l’article>");
        assertThat(page.selectFirst(HtmlWriter.ENGLISH_TITLE).text()).isEqualTo("EN: Le « titre » & <l’article>");
        Summary summary = document.summary().orElseThrow();
        assertThat(page.selectFirst(".summary [lang=fr]").wholeText()).isEqualTo(summary.french().orElseThrow());
        assertThat(page.selectFirst(HtmlWriter.ENGLISH_SUMMARY).wholeText()).isEqualTo(summary.english());
        assertThat(page.select("body > *").eachAttr("class").subList(0, 3))
                .containsExactly("pair headline", "meta", "summary");
    }

    @Test
    void escapesEverythingAndLinksOnlyWebAddresses() throws Exception {
        String html = WriterTestSupport.render(Format.HTML, document);
        Document page = Jsoup.parse(html);
        assertThat(page.select("main b")).isEmpty();
        assertThat(html).doesNotContain("<b>du gras</b>").contains("&lt;b&gt;du gras&lt;/b&gt;");
        assertThat(page.selectFirst(".meta a").attr("href")).isEqualTo("https://journal.example/a?x=1&y=\"2\"");

        BilingualDocument hostile = withUrl("javascript:alert(1)");
        Document hostilePage = Jsoup.parse(WriterTestSupport.render(Format.HTML, hostile));
        assertThat(hostilePage.select("a")).isEmpty();
        assertThat(hostilePage.selectFirst(".meta").text()).contains("javascript:alert(1)");
    }

    @Test
    void isSelfContainedAndFitsPhones() throws Exception {
        Document page = page();
        assertThat(page.documentType().name()).isEqualTo("html");
        assertThat(page.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(page.select("link, script, img, iframe, [src]")).isEmpty();
        String style = page.selectFirst("head style").data();
        assertThat(style).contains("grid-template-columns: 1fr 1fr").contains("@media (max-width:");
    }

    @Test
    void marksWarnedSentencesAndListsAllWarnings() throws Exception {
        Document page = page();
        Elements warned = page.select("main span.s.warned");
        assertThat(warned).hasSize(2); // the French sentence and its translation
        assertThat(warned.eachAttr("title")).containsOnly(SampleDocument.SPLIT_WARNING);
        assertThat(page.select("footer .warnings li").eachText()).containsExactly(
                "decoded as windows-1252", "document warning",
                "paragraph 3, sentence 2: " + SampleDocument.SPLIT_WARNING);
        assertThat(page.selectFirst("footer dl").text()).contains("opus-mt-fr-en (marian)").contains("1234 ms");
    }

    @Test
    void abstractiveSummaryHasNoFrenchSide() throws Exception {
        BilingualDocument abstractive = new BilingualDocument(document.article(), document.translatedTitle(),
                document.paragraphs(), Optional.of(Summary.abstractive("A summary.", "distilbart-cnn-6-6")),
                document.run(), List.of());
        Document page = Jsoup.parse(WriterTestSupport.render(Format.HTML, abstractive));
        assertThat(page.select(".summary [lang=fr]")).isEmpty();
        assertThat(page.selectFirst(".summary h2").text()).isEqualTo("Summary (abstractive, distilbart-cnn-6-6)");
    }

    private BilingualDocument withUrl(String url) {
        Article article = document.article();
        Article changed = new Article(article.id(), article.title(), article.paragraphs(),
                article.source(), Optional.of(url), article.date(), article.warnings());
        return new BilingualDocument(changed, document.translatedTitle(), document.paragraphs(), document.summary(),
                document.run(), document.warnings());
    }
}
