package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.SentencePair;
import depeche.document.Summary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
        assertThat(hostilePage.select("a:not([href^=#])")).as("no link but the page's own").isEmpty();
        assertThat(hostilePage.selectFirst(".meta").text()).contains("javascript:alert(1)");
    }

    @Test
    void isSelfContainedAndFitsPhones() throws Exception {
        Document page = page();
        assertThat(page.documentType().name()).isEqualTo("html");
        assertThat(page.selectFirst("meta[charset]").attr("charset")).isEqualToIgnoringCase("utf-8");
        assertThat(page.selectFirst("meta[name=viewport]").attr("content")).contains("width=device-width");
        // Nothing to fetch: no linked files, images, frames, fonts or remote scripts; style and script inline.
        assertThat(page.select("link, img, iframe, [src]")).isEmpty();
        String style = page.selectFirst("head style").data();
        assertThat(style).contains("grid-template-columns: 1fr 1fr").contains("@media (max-width:")
                .contains("@media print").doesNotContain("url(", "@import", "@font-face");
        Elements scripts = page.select("script");
        assertThat(scripts).hasSize(2);
        assertThat(scripts.get(0).attr("type")).isEqualTo("application/json");
        assertThat(scripts.get(1).data()).contains("depeche-corrections/1").doesNotContain("http:", "https:", "fetch(");
    }

    @Test
    void theScriptGetsTheArticleAndModelsAsJsonThatCannotCloseItsElement() throws Exception {
        BilingualDocument hostile = SampleDocument.sample("x-1", "</script><script>alert(1)</script>");
        Document page = Jsoup.parse(WriterTestSupport.render(Format.HTML, hostile));
        JsonNode facts = new ObjectMapper().readTree(page.getElementById(HtmlWriter.REVIEW_DATA_ID).data());
        assertThat(facts.get("article").asText()).isEqualTo("x-1");
        assertThat(facts.at("/models/0/weights_sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(facts.get("tool_version").asText()).isEqualTo("0.1.0-test");
        assertThat(page.select("script")).hasSize(2);
    }

    @Test
    void flaggedSentencesStandOutInBothLanguagesAndTheirFlagsAreListedUnderTheParagraph() throws Exception {
        Document page = page();
        assertThat(page.select("main span.s.flagged").eachAttr("data-s")).containsExactly("1.1", "1.1", "3.2", "3.2");
        assertThat(page.select("main span.s.sev-error").eachAttr("data-s")).containsExactly("1.1", "1.1");
        assertThat(page.select("main span.s.sev-info").eachAttr("data-s")).containsExactly("3.2", "3.2");
        Element flagged = page.getElementById("s1.1");
        assertThat(flagged.attr("lang")).isEmpty();
        assertThat(flagged.parent().attr("lang")).isEqualTo("en");
        assertThat(flagged.attr("data-flags")).isEqualTo("number-mismatch");
        assertThat(flagged.attr("data-confidence")).isEqualTo("-1.25");
        assertThat(flagged.attr("tabindex")).isEqualTo("0");
        assertThat(flagged.attr("title")).isEqualTo("number-mismatch: " + SampleDocument.NUMBER_FLAG.reason()
                + "\nconfidence -1.250");
        assertThat(page.select("#p1.has-flags > ul.flags > li").eachText()).containsExactly(
                "1.1 number-mismatch (error): " + SampleDocument.NUMBER_FLAG.reason() + " · confidence -1.250");
        assertThat(page.select("#p2.has-flags")).isEmpty();
        assertThat(page.select("#p3 > ul.flags > li").eachText()).containsExactly(
                "3.2 split (info): " + SampleDocument.SPLIT_WARNING + " · confidence -0.438");
        assertThat(page.selectFirst("#p1 ul.flags a").attr("href")).isEqualTo("#s1.1");
        assertThat(page.selectFirst(".review-bar .counts").text()).isEqualTo("2 flags in 2 of 7 sentences");
    }

    @Test
    void aReviewersCorrectionIsMarkedReviewed() throws Exception {
        Element reviewed = page().getElementById("s1.2");
        assertThat(reviewed.hasClass("reviewed")).isTrue();
        assertThat(reviewed.attr("title")).isEqualTo("reviewed by a person");
        assertThat(page().select("main span.s.reviewed").eachAttr("data-s")).containsExactly("1.2", "1.2");
    }

    @Test
    void listsAllWarningsAndHowThePageWasMade() throws Exception {
        Document page = page();
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
