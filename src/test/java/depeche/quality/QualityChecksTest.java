package depeche.quality;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.Flag;
import depeche.document.Flag.Severity;
import depeche.document.Origin;
import depeche.document.SentencePair;
import depeche.document.TokenIds;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QualityChecksTest {
    private final QualityChecks checks = new QualityChecks(OptionalDouble.of(-1.0));

    private List<String> codes(String french, String english) {
        return codes(new SentencePair(french, english));
    }

    private List<String> codes(SentencePair pair) {
        return checks.check(pair).flags().stream().map(Flag::code).toList();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "Le budget atteint 2 500 euros. | The budget reaches 2,500 euros.",
        "Le budget atteint 2\u202F500 euros. | The budget reaches 2,500 euros.",
        "Le taux est de 3,5 % cette année. | The rate is 3.5% this year.",
        "Le taux est de 3,5 % cette année. | The rate is 3.5 percent this year.",
        "Il a reçu 1,2 milliard d’euros. | He received 1.2 billion euros.",
        "La réunion a eu lieu le 08/01/2022 à Paris. | The meeting took place on 01/08/2022 in Paris.",
        "La réunion a eu lieu le 08/01/2022 à Paris. | The meeting took place on 8 January 2022 in Paris.",
        "La réunion a eu lieu le 08/01/2022 à Paris. | The meeting took place on January 8, 2022 in Paris.",
        "Le vote aura lieu à 14 h 30 au Sénat. | The vote will take place at 2:30 p.m. in the Senate.",
        "Le vote aura lieu à 14h30 au Sénat. | The vote will take place at 14:30 in the Senate.",
        "Le magasin ferme à 20 heures le samedi. | The shop closes at 8 p.m. on Saturdays.",
        "Les 2 pays ont signé un accord. | The two countries signed an agreement.",
        "Trois ministres ont démissionné en 2021. | 3 ministers resigned in 2021.",
        "C’est la 2e fois que cela arrive au 1er tour. | This is the second time this has happened in the first round.",
        "Le 21e siècle a commencé en l’an 2001. | The 21st century began in the year 2001.",
        "Le G7 s’est réuni à Biarritz en août 2019. | The G7 met in Biarritz in August 2019.",
        "Il y a eu 3 morts, 12 blessés et 400 évacués. | There were 3 dead, 12 injured and 400 evacuated.",
        "Jen Psaki. | Jen Psaki.",
        "« Nous ne savons pas », a-t-il dit. | \"We do not know,\" he said.",
        "Le Premier ministre (Jean Castex) a parlé. | The Prime Minister (Jean Castex) spoke.",
        "Marine Le Pen et Charles de Gaulle sont cités dans le livre. | Marine Le Pen and Charles de Gaulle are quoted in the book.",
        "Non, non, non et non ! | No, no, no and no!",
    })
    void cleanPairsGetNoFlag(String french, String english) {
        assertThat(codes(french, english)).isEmpty();
    }

    @Test
    void aChangedNumberIsFlaggedNamingIt() {
        Flag flag = checks.check(new SentencePair("Le budget atteint 2 500 euros.", "The budget reaches 2,800 euros."))
                .flags().get(0);
        assertThat(flag.code()).isEqualTo("number-mismatch");
        assertThat(flag.severity()).isEqualTo(Severity.ERROR);
        assertThat(flag.reason()).isEqualTo(
                "the source's 2 500 is missing or changed in the English; the English has 2,800, not in the source");
    }

    @Test
    void numbersLostOrWrittenTheFrenchWayAreFlagged() {
        assertThat(codes("Le taux est de 3,5 % cette année.", "The rate is 3.5 this year."))
                .containsExactly("number-mismatch");
        assertThat(codes("Le taux est de 3,5 cette année.", "The rate is 3,5 this year."))
                .containsExactly("number-mismatch");
        assertThat(codes("La réunion a eu lieu le 08/01/2022 à Paris.", "The meeting took place on 9 January 2022."))
                .containsExactly("number-mismatch");
        assertThat(codes("Le vote aura lieu à 14 h 30 au Sénat.", "The vote will take place at 4:30 p.m. in the Senate."))
                .containsExactly("number-mismatch");
        assertThat(codes("Le vote a eu lieu mardi au Sénat.", "The vote took place on Tuesday 12 in the Senate."))
                .containsExactly("number-mismatch");
    }

    @Test
    void aCopyIsFlaggedButNotANameLeftAsItIs() {
        assertThat(codes("Le président a parlé.", "Le président a parlé.")).containsExactly("copy");
        assertThat(codes("Emmanuel Macron", "Emmanuel Macron")).isEmpty();
    }

    @Test
    void frenchLeftInTheEnglishIsFlaggedUntranslated() {
        assertThat(codes("Le ministre a dit que les troupes sont dans la ville avec leurs armes.",
                "The minister said que les troupes sont dans la ville with their weapons."))
                .containsExactly("untranslated");
    }

    @Test
    void aLoopIsFlaggedAsRepetition() {
        assertThat(codes("Le gouvernement a annoncé une réforme de la guerre.",
                "The government announced a reform of the war of the war of the war."))
                .contains("repetition");
        assertThat(codes("Le gouvernement a annoncé une réforme.", "The the the the government announced a reform."))
                .containsExactly("repetition");
        assertThat(codes("Le gouvernement a annoncé une réforme.", "tictictictictictictictictictictic"))
                .contains("repetition");
    }

    @Test
    void aTranslationFarShorterOrLongerIsFlaggedWithOkapisBounds() {
        String french = "Le gouvernement a annoncé une réforme profonde du système des retraites.";
        assertThat(codes(french, "The government announced.")).containsExactly("length-ratio");
        assertThat(codes(french, "The government announced a deep reform of the pension system, a reform that "
                + "nobody expected and that the unions have already rejected in the strongest terms; they call strikes."))
                .containsExactly("length-ratio");
        // Under 20 characters the bounds are wider: 30 % to 350 %.
        assertThat(codes("Bonjour à tous.", "Hello everyone.")).isEmpty();
        assertThat(codes("Oui.", "Yes, of course, certainly.")).containsExactly("length-ratio");
    }

    private String lengthRatio(String french, String english) {
        return checks.check(new SentencePair(french, english)).flags().stream()
                .filter(flag -> flag.code().equals("length-ratio")).findFirst().orElseThrow().reason();
    }

    @Test
    void theLengthRatioFlagSaysHowFarOffInWholePercent() {
        String french = "Le président a annoncé hier une réforme."; // 40 characters
        String english = "unk ".repeat(20) + "unk"; // 83
        assertThat(lengthRatio(french, english)).isEqualTo(
                "the English is 208 % of the French's length (83 of 40 characters; expected 45–200 %)");
        assertThat(lengthRatio("Oui.", "Yes, of course, certainly.")).isEqualTo("the English is 650 % of the French's length (26 of 4 characters; expected 30–350 %)");
        assertThat(new SourceLanguage.Guess("en", 0.9649).describe()).isEqualTo("English (96 %)");
        assertThat(new SourceLanguage.Guess("en", 0.965).describe()).isEqualTo("English (97 %)");
    }

    @Test
    void brokenQuotesOrParenthesesAreFlaggedUnlessTheSourceWasBroken() {
        assertThat(codes("« Nous ne savons pas », a-t-il dit.", "\"We do not know, he said."))
                .containsExactly("unbalanced");
        assertThat(codes("Le Premier ministre (Jean Castex) a parlé.", "The Prime Minister (Jean Castex spoke."))
                .containsExactly("unbalanced");
        // A quotation opened in this sentence and closed in the next.
        assertThat(codes("« Nous avons des questions sur la nature de cette demande.",
                "“We have questions about the nature of this request.")).isEmpty();
    }

    @Test
    void anEnglishSourceSentenceIsFlaggedNotFrench() {
        List<Flag> flags = checks.check(new SentencePair(
                "The government announced a sweeping reform of the pension system on Tuesday.",
                "The government announced a sweeping reform of the pension system on Tuesday.")).flags();
        assertThat(flags).extracting(Flag::code).containsExactly("copy", "not-french");
        assertThat(flags.get(1).reason()).startsWith("the source sentence reads as English (");
    }

    @Test
    void aShortEnglishSentenceIsTooUnreliableToFlag() {
        assertThat(codes("Thank you very much.", "Thank you very much.")).doesNotContain("not-french");
    }

    @Test
    void aWholeTextTooShortToJudgeIsNotFlagged() {
        // The rule for one sentence holds for a whole text (translate's input): under 40 letters, no judgment.
        QualityChecks.CheckedText checked = checks.checkText(List.of(
                new SentencePair("Thank you very much, my friend.", "Thank you very much, my friend.")));
        assertThat(checked.warnings()).isEmpty();
        assertThat(checked.sentences().get(0).flags()).extracting(Flag::code).doesNotContain("not-french");
    }

    @Test
    void anEnglishArticleFlagsEverySentenceAndWarns() {
        QualityChecks.CheckedText checked = checks.checkText(List.of(
                new SentencePair("The minister spoke.", "The minister spoke."),
                new SentencePair("He said the reform would pass before the summer, whatever the unions think of it.",
                        "He said the reform would pass before the summer, whatever the unions think of it.")));
        assertThat(checked.warnings()).singleElement().asString()
                .startsWith("the source reads as English (").endsWith("as a whole, not French");
        assertThat(checked.sentences()).allSatisfy(pair ->
                assertThat(pair.flags()).extracting(Flag::code).containsOnlyOnce("not-french"));
    }

    @Test
    void lowConfidenceIsFlaggedUnderTheThresholdOnly() {
        SentencePair unsure = new SentencePair("Le président a parlé.", "The president spoke.", TokenIds.of(5, 0),
                OptionalDouble.of(-1.7), List.of());
        SentencePair sure = new SentencePair("Le président a parlé.", "The president spoke.", TokenIds.of(5, 0),
                OptionalDouble.of(-0.2), List.of());
        SentencePair greedy = new SentencePair("Le président a parlé.", "The president spoke.", TokenIds.of(5, 0),
                OptionalDouble.empty(), List.of());
        Flag flag = checks.check(unsure).flags().get(0);
        assertThat(flag).isEqualTo(new Flag("low-confidence", Severity.WARNING,
                "the model's confidence -1.700 is under the run's minimum -1.000"));
        assertThat(codes(sure)).isEmpty();
        assertThat(codes(greedy)).isEmpty();
        assertThat(QualityChecks.standard().check(unsure).flags()).isEmpty();
    }

    @Test
    void theModelsOwnFlagsStayOnMachineOutputAndLeaveACorrection() {
        Flag cut = FlagKind.CUT.flag("the translation reached max_length (512 tokens) and may be incomplete");
        Flag foreign = new Flag("x-terminology", Severity.INFO, "from another tool");
        SentencePair machine = new SentencePair("Le président a parlé.", "The president spoke.", TokenIds.of(5),
                OptionalDouble.of(-3.0), List.of(), List.of(cut, foreign), Origin.MACHINE);
        assertThat(checks.check(machine).flags()).extracting(Flag::code)
                .containsExactly("cut", "low-confidence", "x-terminology");
        SentencePair corrected = new SentencePair("Le président a parlé.", "The president has spoken.",
                TokenIds.NONE, OptionalDouble.of(-3.0), List.of(), List.of(cut, foreign), Origin.REVIEWED);
        assertThat(checks.check(corrected).flags()).extracting(Flag::code).containsExactly("x-terminology");
        // Checking twice changes nothing.
        assertThat(checks.check(checks.check(machine))).isEqualTo(checks.check(machine));
    }

    @Test
    void flagsComeMostSevereFirst() {
        SentencePair pair = new SentencePair("Il y a 3 morts (selon la police).",
                "There are 4 dead (according to the police.", TokenIds.of(5), OptionalDouble.of(-3.0), List.of(),
                List.of(FlagKind.SPLIT.flag("split at commas")), Origin.MACHINE);
        assertThat(checks.check(pair).flags()).extracting(Flag::severity)
                .containsExactly(Severity.ERROR, Severity.WARNING, Severity.WARNING, Severity.INFO);
    }

    @Test
    void settingsRecordTheThreshold() {
        assertThat(checks.settings()).containsExactly(java.util.Map.entry("min_confidence", "-1.0"));
        assertThat(QualityChecks.standard().settings()).isEmpty();
    }
}
