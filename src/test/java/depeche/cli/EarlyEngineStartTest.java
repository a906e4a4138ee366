package depeche.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which command lines start loading the engine before their options are parsed (see {@link Main#main}). */
class EarlyEngineStartTest {

    @Test
    void commandsThatRunAModelStartTheEngineEarly() {
        assertThat(Main.loadsModel(new String[] {"translate", "Bonjour."})).isTrue();
        assertThat(Main.loadsModel(new String[] {"run", "--input", "seeds"})).isTrue();
        assertThat(Main.loadsModel(new String[] {"summarize"})).isTrue();
        assertThat(Main.loadsModel(new String[] {"bench", "--per-call", "1"})).isTrue();
    }

    @Test
    void helpVersionAndOtherCommandsDoNot() {
        assertThat(Main.loadsModel(new String[] {"translate", "--help"})).isFalse();
        assertThat(Main.loadsModel(new String[] {"run", "-h"})).isFalse();
        assertThat(Main.loadsModel(new String[] {"bench", "-V"})).isFalse();
        assertThat(Main.loadsModel(new String[] {"models", "list"})).isFalse();
        assertThat(Main.loadsModel(new String[] {"review", "apply", "x.xlf"})).isFalse();
        assertThat(Main.loadsModel(new String[] {})).isFalse();
    }
}
