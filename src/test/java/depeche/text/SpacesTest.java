package depeche.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.lang.UCharacter;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which characters count as spaces. */
class SpacesTest {

    @Test
    void spacesAreUnicodesWhiteSpaceAsIcuHasItAtEveryCodePoint() {
        int[] differing = IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(c -> Spaces.isSpace(c) != UCharacter.isUWhiteSpace(c)).toArray();

        assertThat(differing).as("code points where Spaces and ICU disagree").isEmpty();
        assertThat(IntStream.rangeClosed(0, Character.MAX_CODE_POINT).filter(Spaces::isSpace).count()).isEqualTo(25);
    }

    @Test
    void frenchTypographysNoBreakSpacesAreSpaces() {
        assertThat(Spaces.isSpace('\u00A0')).isTrue();
        assertThat(Spaces.isSpace('\u202F')).isTrue();
        assertThat(Spaces.isSpace('\u2007')).isTrue();
        assertThat(Spaces.isSpace('\u200B')).as("a zero-width space is not White_Space").isFalse();
        assertThat(Spaces.isSpace('a')).isFalse();
    }
}
