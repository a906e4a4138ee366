package depeche.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ClauseSplitterTest {

    /** A stand-in tokenizer: one token per space-separated word, plus the end-of-sentence token. */
    private static final ToIntFunction<String> WORDS_PLUS_EOS = text -> text.split(" +").length + 1;

    @Test
    void sentenceThatFitsIsOnePart() {
        ClauseSplit split = new ClauseSplitter(10, WORDS_PLUS_EOS).split("Il pleut sur Paris.");
        assertThat(split.parts()).containsExactly("Il pleut sur Paris.");
        assertThat(split.isSplit()).isFalse();
        assertThat(split.warning()).isEmpty();
        assertThat(split.sentenceTokens()).isEqualTo(5);
    }

    @Test
    void cutsAtSemicolonBeforeCommas() {
        String sentence = "Il pleut, il vente ; la ville, elle, dort encore.";
        ClauseSplit split = new ClauseSplitter(7, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts()).containsExactly("Il pleut, il vente ;", "la ville, elle, dort encore.");
        assertThat(split.separators()).containsExactly(" ");
        assertThat(split.weakest()).contains(ClauseBoundary.STRONG_PUNCTUATION);
    }

    @Test
    void packsCommaPiecesGreedily() {
        String sentence = "Hier, à Paris, sous la pluie, devant la gare, les manifestants ont défilé.";
        ClauseSplit split = new ClauseSplitter(8, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts())
                .containsExactly("Hier, à Paris, sous la pluie,", "devant la gare, les manifestants ont défilé.");
        assertThat(split.weakest()).contains(ClauseBoundary.COMMA);
    }

    @Test
    void keepsQuotationsAndIncisesWhole() {
        String sentence = "Le ministre (qui parlait hier soir) a dit « nous ne savons pas » devant la presse.";
        ClauseSplit split = new ClauseSplitter(8, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts()).containsExactly(
                "Le ministre (qui parlait hier soir)", "a dit", "« nous ne savons pas »", "devant la presse.");
        assertThat(split.weakest()).contains(ClauseBoundary.INCISE);
    }

    @Test
    void prefersCommasToParenthesesAndQuotations() {
        String sentence = "Le chef de l'OTSC (Russie) a parlé, puis la presse a cité des « groupes terroristes » ici.";
        ClauseSplit split = new ClauseSplitter(12, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts()).containsExactly(
                "Le chef de l'OTSC (Russie) a parlé,", "puis la presse a cité des « groupes terroristes » ici.");
        assertThat(split.weakest()).contains(ClauseBoundary.COMMA);
    }

    @Test
    void keepsClosingQuoteWithItsQuestion() {
        String sentence = "« Pourquoi ? » a demandé le journaliste au porte-parole du ministère.";
        ClauseSplit split = new ClauseSplitter(8, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts().get(0)).isEqualTo("« Pourquoi ? »");
    }

    @Test
    void neverCutsDecimalCommasOrClockTimes() {
        String sentence = "La hausse de 3,5 points annoncée à 10:30 par le ministre surprend les marchés";
        ClauseSplit split = new ClauseSplitter(8, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts()).allSatisfy(part -> assertThat(part).doesNotEndWith("3,").doesNotEndWith("10:"));
        assertThat(split.weakest()).contains(ClauseBoundary.WORD);
    }

    @Test
    void cutsBeforeConjunctionsWhenPunctuationIsNotEnough() {
        String sentence = "Les soldats sont arrivés dans la capitale et ils ont pris position autour du palais présidentiel";
        ClauseSplit split = new ClauseSplitter(10, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts()).containsExactly(
                "Les soldats sont arrivés dans la capitale", "et ils ont pris position autour du palais présidentiel");
        assertThat(split.weakest()).contains(ClauseBoundary.CONJUNCTION);
    }

    @Test
    void cutsBetweenWordsAsALastResortAndSaysSo() {
        String sentence = "Un deux trois quatre cinq six sept huit neuf dix onze douze";
        ClauseSplit split = new ClauseSplitter(5, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts()).containsExactly("Un deux trois quatre", "cinq six sept huit", "neuf dix onze douze");
        assertThat(split.warning()).hasValue("sentence of 13 tokens exceeds the model's limit of 5:"
                + " translated in 3 parts split between words, as no clause boundary gave parts short enough");
    }

    @Test
    void cutsInsideAWordTooLongByItself() {
        ToIntFunction<String> characters = String::length;
        String sentence = "Voir https://exemple.fr/une/très/longue/adresse";
        ClauseSplit split = new ClauseSplitter(12, characters).split(sentence);
        assertThat(split.parts()).allSatisfy(part -> assertThat(part.length()).isLessThanOrEqualTo(12));
        assertThat(String.join("", split.parts())).isEqualTo(sentence.replace(" ", ""));
        assertThat(split.weakest()).contains(ClauseBoundary.CHARACTER);
    }

    @Test
    void neverSeparatesAnAccentFromItsLetter() {
        ToIntFunction<String> codeUnits = String::length;
        String sentence = "e\u0301te\u0301"; // decomposed "été": 5 code units, 3 graphemes
        ClauseSplit split = new ClauseSplitter(2, codeUnits).split(sentence);
        assertThat(split.parts()).containsExactly("e\u0301", "t", "e\u0301");
    }

    @Test
    void refusesWhenNotEvenOneCharacterFits() {
        ClauseSplitter splitter = new ClauseSplitter(1, WORDS_PLUS_EOS);
        assertThatThrownBy(() -> splitter.split("Il pleut."))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("to fit in 1 tokens");
    }

    @Test
    void refusesUntrimmedSentences() {
        ClauseSplitter splitter = new ClauseSplitter(5, WORDS_PLUS_EOS);
        assertThatThrownBy(() -> splitter.split(" Il pleut.")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> splitter.split("Il pleut.\u00A0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void joinsTranslationsInOrderWithSingleSpaces() {
        ClauseSplit split = new ClauseSplitter(7, WORDS_PLUS_EOS).split("Il pleut, il vente ; la ville, elle, dort.");
        assertThat(split.joinTranslations(List.of(" It rains, it blows; ", "the city, it sleeps.")))
                .isEqualTo("It rains, it blows; the city, it sleeps.");
        assertThatThrownBy(() -> split.joinTranslations(List.of("one"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void splitsTheSeedsLongestSentenceIntoClauses() {
        String sentence = "Par ailleurs, le Premier ministre arménien, Nikol Pashinyan, qui est actuellement président de"
                + " l’OTSC, a déclaré sur Facebook que l’alliance enverrait une force collective de maintien de la paix"
                + " pour une période limitée, afin de stabiliser et de normaliser la situation dans le pays causée par"
                + " une ingérence extérieure », citant The National News.";
        ClauseSplit split = new ClauseSplitter(20, WORDS_PLUS_EOS).split(sentence);
        assertThat(split.parts()).allSatisfy(part -> assertThat(WORDS_PLUS_EOS.applyAsInt(part)).isLessThanOrEqualTo(20));
        assertThat(split.parts()).allSatisfy(part -> assertThat(part).matches(".*[,»]|.*\\.$|.*[\\p{L}]"));
        assertThat(split.weakest()).hasValueSatisfying(b -> assertThat(b).isLessThan(ClauseBoundary.WORD));
    }

    /** Random French-looking sentences and limits: the split must always be exact and within the limit. */
    @RepeatedTest(200)
    void alwaysReconstructsExactlyAndFits(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        String sentence = randomSentence(random);
        int limit = 3 + random.nextInt(12);
        ToIntFunction<String> counter = random.nextBoolean() ? WORDS_PLUS_EOS : text -> text.length() / 4 + 2;

        ClauseSplit split = new ClauseSplitter(limit, counter).split(sentence);

        StringBuilder rebuilt = new StringBuilder(split.parts().get(0));
        for (int i = 0; i < split.separators().size(); i++) {
            assertThat(split.separators().get(i)).matches("[ \u00A0]*");
            rebuilt.append(split.separators().get(i)).append(split.parts().get(i + 1));
        }
        assertThat(rebuilt.toString()).isEqualTo(sentence);
        assertThat(split.parts()).allSatisfy(part -> {
            assertThat(part).doesNotMatch("^[ \u00A0].*|.*[ \u00A0]$").isNotEmpty();
            assertThat(counter.applyAsInt(part)).isLessThanOrEqualTo(limit);
        });
        assertThat(split.isSplit()).isEqualTo(counter.applyAsInt(sentence) > limit);
    }

    private static String randomSentence(Random random) {
        String[] words = {"le", "ministre", "a", "déclaré", "que", "et", "la", "force", "2\u00A0500", "3,5", "hommes",
            "Kazakhstan", "l’OTSC", "(OTSC)", "«", "»", ";", ":", ",", "—", "qui", "mais", "anticonstitutionnellement",
            "https://exemple.fr/a/b/c/d"};
        List<String> chosen = new ArrayList<>();
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            chosen.add(words[random.nextInt(words.length)]);
        }
        StringBuilder sentence = new StringBuilder();
        for (String word : chosen) {
            boolean glued = word.equals(",") && sentence.length() > 0;
            if (sentence.length() > 0 && !glued) {
                sentence.append(random.nextInt(5) == 0 ? "\u00A0" : " ");
            }
            sentence.append(word);
        }
        return sentence.append('.').toString();
    }
}
