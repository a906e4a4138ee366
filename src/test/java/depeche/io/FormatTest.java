package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FormatTest {

    @Test
    void parsesCommaSeparatedNamesIgnoringCaseSpacesAndRepeats() {
        assertThat(Format.parse("md,json,html,tmx,xliff")).containsExactly(Format.values());
        assertThat(Format.parse(Format.DEFAULT)).doesNotContain(Format.XLIFF);
        assertThat(Format.XLIFF.extension()).isEqualTo("xlf");
        assertThat(Format.parse(" TMX , md,md")).containsExactly(Format.MD, Format.TMX);
    }

    @Test
    void unknownOrEmptyNamesAreRefusedClearly() {
        assertThatThrownBy(() -> Format.parse("md,pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown format 'pdf' (choose from md, json, html, tmx, xliff)");
        assertThatThrownBy(() -> Format.parse("md,"))
                .hasMessage("empty format name in 'md,' (choose from md, json, html, tmx, xliff)");
        assertThatThrownBy(() -> Format.parse("")).isInstanceOf(IllegalArgumentException.class);
    }
}
