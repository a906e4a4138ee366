package depeche.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BilingualDocumentTest {

    private static final RunInfo RUN = new RunInfo("0.1.0", List.of(), Map.of(), Map.of());

    private static Article article(String... paragraphs) {
        return new Article("a1", "Titre", List.of(paragraphs), Path.of("a1.txt"), Optional.empty(), Optional.empty(),
                List.of("read warning"));
    }

    private static AlignedParagraph paragraph(SentencePair... pairs) {
        return new AlignedParagraph(List.of(pairs));
    }

    @Test
    void keepsParagraphStructureOrRefuses() {
        Article article = article("Un. Deux.", "Trois.");
        List<AlignedParagraph> one = List.of(paragraph(new SentencePair("Un.", "One.")));
        assertThatThrownBy(() -> new BilingualDocument(article, "Title", one, Optional.empty(), RUN, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("article a1 has 2 paragraphs but 1 were translated");
    }

    @Test
    void givesSentencesInOrderAndEveryWarningWithItsPlace() {
        BilingualDocument document = new BilingualDocument(article("Un. Deux.", "Trois."), "Title",
                List.of(paragraph(new SentencePair("Un.", "One."), new SentencePair("Deux.", "Two.", List.of("split"))),
                        paragraph(new SentencePair("Trois.", "Three.", List.of("empty", "odd")))),
                Optional.empty(), RUN, List.of("document warning"));
        assertThat(document.sentences()).extracting(SentencePair::target).containsExactly("One.", "Two.", "Three.");
        assertThat(document.paragraphs().get(0).source()).isEqualTo("Un. Deux.");
        assertThat(document.paragraphs().get(0).target()).isEqualTo("One. Two.");
        assertThat(document.allWarnings()).containsExactly("read warning", "document warning",
                "paragraph 1, sentence 2: split", "paragraph 2, sentence 1: empty", "paragraph 2, sentence 1: odd");
    }

    @Test
    void recordsAreImmutableCopies() {
        List<String> paragraphs = new ArrayList<>(List.of("Un."));
        Article article = new Article("a1", "Titre", paragraphs, Path.of("a1.txt"));
        paragraphs.add("Deux.");
        assertThat(article.paragraphs()).containsExactly("Un.");
        assertThatThrownBy(() -> article.paragraphs().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void articlesNeedASafeIdATitleAndText() {
        Path source = Path.of("x.txt");
        assertThatThrownBy(() -> new Article("../x", "Titre", List.of("Un."), source))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Article("x", " ", List.of("Un."), source))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Article("x", "Titre", List.of(), source))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Article("x", "Titre", List.of("Un.", " "), source))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AlignedParagraph(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void runInfoKeepsTheOrderGiven() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("summarizer", "extractive");
        settings.put("beams", "4");
        settings.put("maxLength", "512");
        Map<String, Duration> timings = new LinkedHashMap<>();
        timings.put("translation", Duration.ofSeconds(2));
        timings.put("reading", Duration.ofMillis(3));
        RunInfo run = new RunInfo("0.1.0", List.of(new ModelInfo("opus-mt-fr-en", "marian", "00ff")), settings, timings);
        assertThat(run.settings().keySet()).containsExactly("summarizer", "beams", "maxLength");
        assertThat(run.timings().keySet()).containsExactly("translation", "reading");
    }

    @Test
    void extractiveSummaryIsBilingualAbstractiveNamesItsModel() {
        Summary extractive = Summary.extractive(List.of(new SentencePair("Un.", "One."), new SentencePair("Deux.", "Two.")));
        assertThat(extractive.english()).isEqualTo("One. Two.");
        assertThat(extractive.french()).hasValue("Un. Deux.");
        assertThat(extractive.model()).isEmpty();
        Summary abstractive = Summary.abstractive("A summary.", "distilbart-cnn-6-6");
        assertThat(abstractive.method()).isEqualTo(Summary.Method.ABSTRACTIVE);
        assertThat(abstractive.french()).isEmpty();
        assertThat(abstractive.model()).hasValue("distilbart-cnn-6-6");
        assertThatThrownBy(() -> Summary.extractive(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
