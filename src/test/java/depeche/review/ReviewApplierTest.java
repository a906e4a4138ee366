package depeche.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Flag;
import depeche.document.ModelInfo;
import depeche.document.Origin;
import depeche.document.RunInfo;
import depeche.document.SentencePair;
import depeche.document.Summary;
import depeche.document.TokenIds;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ReviewApplierTest {
    private static final Path FILE = Path.of("a.corrections.json");
    private static final ModelInfo MODEL = new ModelInfo("opus-mt-fr-en", "marian", "ab".repeat(32));
    private static final Flag CUT = new Flag("cut", Flag.Severity.ERROR, "the translation reached max_length");

    private final SentencePair first = new SentencePair("Il y a 3 morts.", "There are 4 dead.", TokenIds.of(5, 6, 0),
            OptionalDouble.of(-2.5), List.of("w"), List.of(new Flag("number-mismatch", Flag.Severity.ERROR, "3 ≠ 4"), CUT),
            Origin.MACHINE);
    private final SentencePair second = new SentencePair("Le président a parlé.", "The president spoke.",
            TokenIds.of(7, 0), OptionalDouble.of(-0.3), List.of(), List.of(), Origin.MACHINE);
    private final SentencePair third = new SentencePair("La réunion a duré deux heures.",
            "The meeting lasted two hours.", TokenIds.NONE, OptionalDouble.empty(), List.of(), List.of(), Origin.REVIEWED);
    private final BilingualDocument document = new BilingualDocument(
            new Article("a", "Titre", List.of("Il y a 3 morts. Le président a parlé.", "La réunion a duré deux heures."),
                    Path.of("seeds/a.txt")),
            "Title", List.of(new AlignedParagraph(List.of(first, second)), new AlignedParagraph(List.of(third))),
            Optional.of(Summary.extractive(List.of(first, third))),
            new RunInfo("0.1.0", List.of(MODEL), Map.of("beams", "4", "min_confidence", "-1.0"), Map.of()), List.of());

    private static Corrections corrections(Correction... changes) {
        return new Corrections(FILE, "a", List.of(MODEL), List.of(changes));
    }

    private static Correction change(int p, int s, String source, String oldTarget, String newTarget, boolean reviewed) {
        return new Correction(p, s, source, Optional.ofNullable(oldTarget), newTarget, reviewed);
    }

    @Test
    void aCorrectedSentenceBecomesTheReviewersCheckedAgainWithoutTheModelsFlags() {
        ReviewApplier.Applied applied = ReviewApplier.apply(document,
                corrections(change(1, 1, first.source(), first.target(), "There are 3 dead.", true)));

        SentencePair corrected = applied.document().paragraphs().get(0).sentences().get(0);
        assertThat(corrected.target()).isEqualTo("There are 3 dead.");
        assertThat(corrected.origin()).isEqualTo(Origin.REVIEWED);
        assertThat(corrected.flags()).isEmpty();
        assertThat(corrected.ids()).isEqualTo(TokenIds.NONE);
        assertThat(corrected.confidence()).isEmpty();
        assertThat(corrected.warnings()).isEmpty();
        assertThat(applied.document().paragraphs().get(0).sentences().get(1)).isEqualTo(second);
        assertThat(applied.corrected()).isEqualTo(1);
        // The extractive summary quotes the sentence: it shows the correction too.
        assertThat(applied.document().summary().orElseThrow().english())
                .isEqualTo("There are 3 dead. The meeting lasted two hours.");
        assertThat(applied.warnings()).isEmpty();
    }

    @Test
    void aCorrectionThatStillGetsANumberWrongIsStillFlagged() {
        SentencePair corrected = ReviewApplier.apply(document,
                corrections(change(1, 1, first.source(), first.target(), "There are 5 dead.", true)))
                .document().paragraphs().get(0).sentences().get(0);
        assertThat(corrected.flags()).extracting(Flag::code).containsExactly("number-mismatch");
    }

    @Test
    void markingReviewedKeepsTheModelsDataAndUnmarkingTakesTheMarkAway() {
        ReviewApplier.Applied applied = ReviewApplier.apply(document, corrections(
                change(1, 2, second.source(), second.target(), second.target(), true),
                change(2, 1, third.source(), third.target(), third.target(), false)));
        SentencePair approved = applied.document().paragraphs().get(0).sentences().get(1);
        assertThat(approved.origin()).isEqualTo(Origin.REVIEWED);
        assertThat(approved.ids()).isEqualTo(second.ids());
        assertThat(approved.confidence()).isEqualTo(second.confidence());
        assertThat(applied.document().paragraphs().get(1).sentences().get(0).origin()).isEqualTo(Origin.MACHINE);
        assertThat(applied.approved()).isEqualTo(1);
        assertThat(applied.unmarked()).isEqualTo(1);
        assertThat(applied.corrected()).isZero();
    }

    @Test
    void correctionsThatDoNotMeetTheirSentenceAreRefusedWhole() {
        Correction good = change(1, 2, second.source(), second.target(), "The president has spoken.", true);
        assertThatThrownBy(() -> ReviewApplier.apply(document, corrections(good,
                change(1, 1, "Il y a 30 morts.", first.target(), "x", true))))
                .isInstanceOf(ReviewException.class)
                .hasMessage("a.corrections.json: sentence 1.1: the French is not the article's (\"Il y a 3 morts.\"):"
                        + " the corrections were made on another version of it");
        assertThatThrownBy(() -> ReviewApplier.apply(document, corrections(
                change(1, 1, first.source(), "There were 4 dead.", "There are 3 dead.", true))))
                .hasMessage("a.corrections.json: sentence 1.1: the English changed since the page was exported"
                        + " (now \"There are 4 dead.\"): export the corrections again from the current page");
        assertThatThrownBy(() -> ReviewApplier.apply(document, corrections(change(2, 2, "x", null, "y", true))))
                .hasMessage("a.corrections.json: sentence 2.2: article 'a' has no such sentence"
                        + " (the corrections were made on another version of it)");
        assertThatThrownBy(() -> ReviewApplier.apply(document, corrections(good, good)))
                .hasMessage("a.corrections.json: sentence 1.2 is corrected twice");
        assertThatThrownBy(() -> ReviewApplier.apply(document,
                new Corrections(FILE, "b", List.of(), List.of(good))))
                .hasMessage("a.corrections.json: the corrections are for article 'b', not 'a'");
    }

    @Test
    void applyingTwiceChangesNothingMore() {
        Corrections once = corrections(change(1, 1, first.source(), first.target(), "There are 3 dead.", true));
        BilingualDocument applied = ReviewApplier.apply(document, once).document();
        ReviewApplier.Applied again = ReviewApplier.apply(applied, once);
        assertThat(again.document()).isEqualTo(applied);
        assertThat(again.corrected()).isZero();
    }

    @Test
    void correctionsMadeOnOtherModelsOutputsApplyWithAWarning() {
        Corrections other = new Corrections(FILE, "a", List.of(new ModelInfo("other", "marian", "cd".repeat(32))),
                List.of(change(1, 2, second.source(), second.target(), "The president has spoken.", true)));
        assertThat(ReviewApplier.apply(document, other).warnings()).containsExactly(
                "the corrections were made on outputs of other (sha256 cdcdcdcdcdcd…), the article's files are of "
                        + "opus-mt-fr-en (sha256 abababababab…); the sentences matched, so they apply");
    }
}
