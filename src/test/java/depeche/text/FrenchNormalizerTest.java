package depeche.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrenchNormalizerTest {

    @Test
    void cleanComposesDecomposedAccents() {
        String decomposed = "e\u0301te\u0301"; // "été" as e + combining acute
        assertThat(FrenchNormalizer.clean(decomposed)).isEqualTo("été").hasSize(3);
    }

    @Test
    void cleanCollapsesWhitespaceRunsAndTrims() {
        assertThat(FrenchNormalizer.clean("  Il\tpleut\r\n sur\n\nParis.  ")).isEqualTo("Il pleut sur Paris.");
    }

    @Test
    void cleanKeepsNoBreakSpacesWhereTheTextHasThem() {
        assertThat(FrenchNormalizer.clean("2\u00A0500 euros, « oui\u202F» ?"))
                .isEqualTo("2\u00A0500 euros, « oui\u202F» ?");
        assertThat(FrenchNormalizer.clean("2 \u00A0 500")).isEqualTo("2\u00A0500");
    }

    @Test
    void cleanKeepsTypographicApostrophesAndQuotes() {
        String text = "L’attachée de presse a dit « non » – puis…";
        assertThat(FrenchNormalizer.clean(text)).isEqualTo(text);
    }

    @Test
    void cleanRemovesInvisibleCharacters() {
        String dirty = "\uFEFFgou\u00ADver\u200Bne\u2060ment\u0007 \u200Ed\uD800u \uFFFEpays";
        assertThat(FrenchNormalizer.clean(dirty)).isEqualTo("gouvernement du pays");
    }

    @Test
    void cleanKeepsCharactersOutsideTheBasicPlane() {
        assertThat(FrenchNormalizer.clean("Bravo 👏🏽 !")).isEqualTo("Bravo 👏🏽 !");
    }
}
