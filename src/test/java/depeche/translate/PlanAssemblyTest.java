package depeche.translate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.document.TokenIds;
import depeche.inference.Generated;
import depeche.text.ClauseBoundary;
import depeche.text.ClauseSplit;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Plans take back exactly their own outcomes, in order, and put sentences and paragraphs together. */
class PlanAssemblyTest {
    private static final int MAX_LENGTH = 10;

    private static SentencePlan whole(String sentence) {
        return new SentencePlan(new ClauseSplit(sentence, List.of(sentence), List.of(), 5, 50, Optional.empty()));
    }

    /** "Un, deux, trois." in three parts at its commas. */
    private static SentencePlan inThreeParts() {
        return new SentencePlan(new ClauseSplit("Un, deux, trois.", List.of("Un,", "deux,", "trois."),
                List.of(" ", " "), 60, 50, Optional.of(ClauseBoundary.COMMA)));
    }

    private static Outcome<Generated> ok(String text, double score, long... ids) {
        return Outcome.success(new Generated(text, ids, score));
    }

    @Test
    void aSentenceInPartsJoinsTheirTranslationsIdsAndScores() {
        Iterator<Outcome<Generated>> generated = List.of(
                ok("One,", -1.0, 11, 0), ok("two,", -2.0, 12, 13, 14, 0), ok("three.", -0.5, 15, 0),
                ok("next", -9, 1, 0)).iterator();

        SentencePair pair = inThreeParts().assemble(generated, MAX_LENGTH).value().orElseThrow();

        assertThat(pair.source()).isEqualTo("Un, deux, trois.");
        assertThat(pair.target()).isEqualTo("One, two, three.");
        assertThat(pair.ids()).isEqualTo(TokenIds.of(11, 0, 12, 13, 14, 0, 15, 0));
        // Token-weighted mean of the parts' scores: (-1×2 - 2×4 - 0.5×2) / 8.
        assertThat(pair.confidence().getAsDouble()).isEqualTo(-11.0 / 8);
        assertThat(pair.warnings()).singleElement().asString().contains("60 tokens", "3 parts", "at commas");
        assertThat(pair.flags()).singleElement().satisfies(flag -> {
            assertThat(flag.code()).isEqualTo("split");
            assertThat(flag.reason()).isEqualTo(pair.warnings().get(0));
        });
        assertThat(generated.next().value().orElseThrow().text()).as("the next sentence's output is left").isEqualTo("next");
    }

    @Test
    void aFailedPartFailsItsSentenceButLeavesTheOthersTheirOutputs() {
        ParagraphPlan paragraph = new ParagraphPlan(List.of(whole("Avant."), inThreeParts(), whole("Après.")));
        Iterator<Outcome<Generated>> generated = List.of(
                ok("Before.", -1, 5, 0),
                ok("One,", -1, 11, 0), Outcome.<Generated>failure("NaN in the logits"), ok("three.", -1, 15, 0),
                ok("After.", -1, 6, 0)).iterator();
        Iterator<TranslatedParagraph.Sentence> sentences = paragraph.sentences().stream()
                .map(s -> new TranslatedParagraph.Sentence(s.source(), s.assemble(generated, MAX_LENGTH))).toList()
                .iterator();

        TranslatedParagraph translated = paragraph.assemble(sentences);

        assertThat(translated.sentences()).extracting(TranslatedParagraph.Sentence::source)
                .containsExactly("Avant.", "Un, deux, trois.", "Après.");
        assertThat(translated.errors()).containsExactly("sentence 2: translation failed: part 2 of 3: NaN in the logits");
        assertThat(translated.target()).isEqualTo("Before. After.");
        assertThat(translated.aligned()).isEmpty();
        assertThat(generated.hasNext()).isFalse();
    }

    @Test
    void aParagraphRefusesTranslationsOfOtherSentences() {
        ParagraphPlan paragraph = new ParagraphPlan(List.of(whole("Avant."), whole("Après.")));
        Iterator<TranslatedParagraph.Sentence> swapped = List.of(
                new TranslatedParagraph.Sentence("Après.", Outcome.success(new SentencePair("Après.", "After."))),
                new TranslatedParagraph.Sentence("Avant.", Outcome.success(new SentencePair("Avant.", "Before."))))
                .iterator();

        assertThatThrownBy(() -> paragraph.assemble(swapped)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("expected 'Avant.', got 'Après.'");
    }

    @Test
    void anOutputThatFilledMaxLengthIsFlaggedAndGreedyHasNoConfidence() {
        Outcome<SentencePair> pair = whole("Long.").assemble(
                List.of(ok("Long long long", Double.NaN, 1, 2, 3, 4, 5, 6, 7, 8, 9)).iterator(), MAX_LENGTH);

        assertThat(pair.value().orElseThrow().warnings()).containsExactly(
                "the translation reached max_length (10 tokens) and may be incomplete");
        assertThat(pair.value().orElseThrow().flags()).containsExactly(new depeche.document.Flag("cut",
                depeche.document.Flag.Severity.ERROR, "the translation reached max_length (10 tokens) and may be incomplete"));
        assertThat(pair.value().orElseThrow().confidence()).isEmpty();
    }

    @Test
    void aBlankParagraphHasNoSentencesAndTranslatesToNothing() {
        ParagraphPlan blank = new ParagraphPlan(List.of());
        TranslatedParagraph translated = blank.assemble(List.<TranslatedParagraph.Sentence>of().iterator());
        assertThat(translated.target()).isEmpty();
        assertThat(translated.errors()).isEmpty();
        assertThat(blank.inputCount()).isZero();
    }
}
