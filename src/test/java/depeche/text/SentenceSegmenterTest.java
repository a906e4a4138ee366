package depeche.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SentenceSegmenterTest {

    private final SentenceSegmenter segmenter = new SentenceSegmenter();

    /** Paragraph, then its expected sentences separated by " | ". */
    static Stream<Arguments> table() {
        return Stream.of(
                // abbreviations
                row("M. Dupont est arrivé. Mme Martin aussi.", "M. Dupont est arrivé. | Mme Martin aussi."),
                row("MM. Dupont et Durand sont venus. Ils sont repartis.",
                        "MM. Dupont et Durand sont venus. | Ils sont repartis."),
                row("Le Dr. Martin est là. Le Pr. Dubois et Mlle. Roy aussi.",
                        "Le Dr. Martin est là. | Le Pr. Dubois et Mlle. Roy aussi."),
                row("Me. Durand plaide à St. Étienne. Il gagne.", "Me. Durand plaide à St. Étienne. | Il gagne."),
                row("César est mort en 44 av. J.-C. Son fils lui succède.",
                        "César est mort en 44 av. J.-C. | Son fils lui succède."),
                row("Voir p. 12 pour les détails. Le 8 janv. 2022 à Paris, il a plu.",
                        "Voir p. 12 pour les détails. | Le 8 janv. 2022 à Paris, il a plu."),
                row("Des pommes, des poires, etc. et des prunes. Du sel, etc. Tout a changé.",
                        "Des pommes, des poires, etc. et des prunes. | Du sel, etc. | Tout a changé."),
                row("Il a été arrêté pour vol. Il a avoué.", "Il a été arrêté pour vol. | Il a avoué."),
                // initials
                row("J. Dupont et J.-P. Martin ont signé. Ils sont partis.",
                        "J. Dupont et J.-P. Martin ont signé. | Ils sont partis."),
                row("George W. Bush a parlé à l'O.N.U. Le lendemain, il est reparti.",
                        "George W. Bush a parlé à l'O.N.U. | Le lendemain, il est reparti."),
                // numbers
                row("La force compterait 2\u00A0500 hommes. Soit 3,5 % de plus.",
                        "La force compterait 2\u00A0500 hommes. | Soit 3,5 % de plus."),
                row("La hausse atteint 3.5 points en 2021. Elle ralentit.",
                        "La hausse atteint 3.5 points en 2021. | Elle ralentit."),
                // ellipses
                row("Il hésite… Puis il part.", "Il hésite… | Puis il part."),
                row("Il hésite… puis il part.", "Il hésite… puis il part."),
                row("Il hésite... Puis il part.", "Il hésite... | Puis il part."),
                // « … » quotations
                row("« Il pleut. » Il part.", "« Il pleut. » | Il part."),
                row("« Il pleut.\u00A0» Il part.", "« Il pleut.\u00A0» | Il part."),
                row("« Il pleut\u202F! » Il part.", "« Il pleut\u202F! » | Il part."),
                row("Il a dit : « Je viens. » Puis il est venu.", "Il a dit : « Je viens. » | Puis il est venu."),
                row("« Vraiment ? » a-t-il demandé. Oui !", "« Vraiment ? » a-t-il demandé. | Oui !"),
                row("« Nous avons des questions. Nous ne savons pas », a déclaré Psaki. Il est parti.",
                        "« Nous avons des questions. | Nous ne savons pas », a déclaré Psaki. | Il est parti."),
                // other terminators
                row("Quoi ? dit-il. Rien.", "Quoi ? dit-il. | Rien."),
                row("Il est parti ! Elle est restée ? Non.", "Il est parti ! | Elle est restée ? | Non."),
                row("Une seule phrase sans point final", "Une seule phrase sans point final"),
                // sentences of the seed article
                row("JAKARTA - Certains représentants des Etats-Unis ne comprennent pas ce qui se passe au Kazakhstan"
                                + " et le prennent comme la position officielle de Washington, a critiqué la porte-parole"
                                + " du ministère russe des Affaires étrangères, Maria Zakharova.",
                        "JAKARTA - Certains représentants des Etats-Unis ne comprennent pas ce qui se passe au Kazakhstan"
                                + " et le prennent comme la position officielle de Washington, a critiqué la porte-parole"
                                + " du ministère russe des Affaires étrangères, Maria Zakharova."),
                row("Comme indiqué précédemment, les États-Unis surveillent de près les rapports de soldats de la paix"
                                + " de l’Organisation du Traité de sécurité collective (OTSC) dirigée par la Russie qui se"
                                + " déploient au Kazakhstan. Et se demandent s’ils ont été légalement invités dans le pays.",
                        "Comme indiqué précédemment, les États-Unis surveillent de près les rapports de soldats de la paix"
                                + " de l’Organisation du Traité de sécurité collective (OTSC) dirigée par la Russie qui se"
                                + " déploient au Kazakhstan. | Et se demandent s’ils ont été légalement invités dans le pays."),
                row("« Nous avons des questions sur la nature de cette demande et sur la question de savoir s’il s’agissait"
                                + " d’une invitation valide ou non. Nous ne le savons pas pour le moment », a déclaré Psaki.",
                        "« Nous avons des questions sur la nature de cette demande et sur la question de savoir s’il s’agissait"
                                + " d’une invitation valide ou non. | Nous ne le savons pas pour le moment », a déclaré Psaki."),
                row("On le sait, l’OTSC elle-même est une alliance composée de la Russie, de la Biélorussie, de l’Arménie,"
                                + " du Kazakhstan, du Kirghizistan et du Tadjikistan. L’OTSC a répondu à la demande du Kazakhstan.",
                        "On le sait, l’OTSC elle-même est une alliance composée de la Russie, de la Biélorussie, de l’Arménie,"
                                + " du Kazakhstan, du Kirghizistan et du Tadjikistan. | L’OTSC a répondu à la demande du Kazakhstan."),
                row("Pour information, le Secrétaire général de l’OTSC a déclaré à l’agence de presse RIA que la force de"
                                + " maintien de la paix au total compterait environ 2 500 hommes et pourrait être renforcée"
                                + " si nécessaire.",
                        "Pour information, le Secrétaire général de l’OTSC a déclaré à l’agence de presse RIA que la force de"
                                + " maintien de la paix au total compterait environ 2 500 hommes et pourrait être renforcée"
                                + " si nécessaire."));
    }

    private static Arguments row(String paragraph, String expected) {
        return Arguments.of(paragraph, Arrays.asList(expected.split(" \\| ")));
    }

    @ParameterizedTest
    @MethodSource("table")
    void splitsAsExpected(String paragraph, List<String> expected) {
        assertThat(segmenter.split(paragraph)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @MethodSource("table")
    void losesNothingButTheSpacesBetweenSentences(String paragraph, List<String> ignored) {
        String joined = String.join("", segmenter.split(paragraph));
        assertThat(withoutSpaces(joined)).isEqualTo(withoutSpaces(paragraph));
    }

    @Test
    void blankParagraphHasNoSentence() {
        assertThat(segmenter.split("")).isEmpty();
        assertThat(segmenter.split(" \u00A0 ")).isEmpty();
    }

    @Test
    void trimsNoBreakSpacesAroundSentences() {
        assertThat(segmenter.split("\u00A0Il pleut.\u202F Il part.\u00A0"))
                .containsExactly("Il pleut.", "Il part.");
    }

    private static String withoutSpaces(String text) {
        return text.replaceAll("[\\s\\u00A0\\u202F]", "");
    }
}
