package depeche.summarize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.SentencePair;
import depeche.document.Summary;
import depeche.io.ArticleReaders;
import depeche.text.SentenceSegmenter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    /** A stand-in translation, for tests only. */
    private static SentencePair pair(String french) {
        return new SentencePair(french, "EN:" + french);
    }

    private static List<SentencePair> pairs(String... french) {
        return Stream.of(french).map(ExtractiveSummarizerTest::pair).toList();
    }

    @Test
    void picksTheSentencesTheOthersRelateToAndLeavesTheOddOneOut() {
        List<SentencePair> sentences = pairs(
                "Il fera beau demain à Lyon.",
                "Le gouvernement a présenté une réforme des retraites.",
                "La réforme des retraites provoque la colère des syndicats.",
                "Les syndicats préparent une grève contre la réforme.",
                "Le musée rouvre ses portes après travaux.");
        assertThat(new ExtractiveSummarizer(1).select(sentences)).containsExactly(sentences.get(2));
        assertThat(new ExtractiveSummarizer(3).select(sentences))
                .containsExactly(sentences.get(1), sentences.get(2), sentences.get(3));
    }

    /**
     * Three sentences share "port", "Marseille" and "paquebot" with each other and two of those words with a
     * fourth; two sentences share no word with any other. The three that share the most with the most others
     * are the summary, in article order; the isolated ones never are.
     */
    @Test
    void aConstructedArticlesCentralSentencesAreTheSummary() {
        List<SentencePair> sentences = pairs(
                "Le port de Marseille accueille un nouveau paquebot.",
                "La météo annonce de la neige à Lille.",
                "Le paquebot quitte Marseille pour Gênes.",
                "Marseille fête le paquebot et son port.",
                "Un concert de jazz a lieu dimanche.",
                "Le port de Marseille attend un second paquebot.");
        assertThat(new ExtractiveSummarizer(3).select(sentences))
                .containsExactly(sentences.get(0), sentences.get(3), sentences.get(5));
        assertThat(new ExtractiveSummarizer(4).select(sentences))
                .containsExactly(sentences.get(0), sentences.get(2), sentences.get(3), sentences.get(5));
    }

    @Test
    void keepsArticleOrderAndReturnsEverythingWhenThereIsLittle() {
        List<SentencePair> sentences = pairs("Une phrase.", "Une autre phrase.");
        assertThat(new ExtractiveSummarizer().select(sentences)).containsExactlyElementsOf(sentences);
    }

    @Test
    void summaryOfTheSeedHasThreeBilingualSentencesInOrder() {
        Article article = ArticleReaders.read(Path.of("seeds/000_8e5b8d439f3d6119.txt")).articles().get(0);
        SentenceSegmenter segmenter = new SentenceSegmenter();
        List<AlignedParagraph> paragraphs = article.paragraphs().stream()
                .map(p -> new AlignedParagraph(segmenter.split(p).stream().map(ExtractiveSummarizerTest::pair).toList()))
                .toList();
        List<SentencePair> all = paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();

        List<SentencePair> picked = new ExtractiveSummarizer().select(all);

        assertThat(picked).hasSize(3).isSubsetOf(all);
        assertThat(picked).isSortedAccordingTo(java.util.Comparator.comparingInt(all::indexOf));
        assertThat(new ExtractiveSummarizer().select(all)).as("deterministic").isEqualTo(picked);

        Summary summary = new ExtractiveSummarizer().summarize(paragraphs);
        assertThat(summary.method()).isEqualTo(Summary.Method.EXTRACTIVE);
        assertThat(summary.french()).hasValue(picked.get(0).source() + " " + picked.get(1).source() + " "
                + picked.get(2).source());
        assertThat(summary.english()).isEqualTo(picked.get(0).target() + " " + picked.get(1).target() + " "
                + picked.get(2).target());
        assertThat(summary.model()).isEmpty();
    }

    @Test
    void refusesAnEmptySummaryLength() {
        assertThatThrownBy(() -> new ExtractiveSummarizer(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
