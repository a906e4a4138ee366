package depeche.tokenize;

import depeche.testing.Fixtures;

import java.nio.file.Path;

/** The three ways a fixture tokenizer is loaded; the two BART ones must behave identically. */
enum TokenizerSetup {
    MARIAN(Fixtures.MARIAN),
    BART_TOKENIZER_JSON(Fixtures.BART),
    /** The BART fixture without its tokenizer.json, so that vocab.json + merges.txt are used. */
    BART_VOCAB_MERGES(Fixtures.BART);

    final String fixture;

    TokenizerSetup(String fixture) {
        this.fixture = fixture;
    }

    /** The model folder, copied under {@code tempDir} only when a file has to be left out. */
    Path folder(Path tempDir) {
        return this == BART_VOCAB_MERGES ? copy(tempDir) : Fixtures.dir(fixture);
    }

    /** A copy of the model folder under {@code tempDir}, to alter. */
    Path copy(Path tempDir) {
        Path target = tempDir.resolve(name());
        return this == BART_VOCAB_MERGES ? Fixtures.copy(fixture, target, "tokenizer.json") : Fixtures.copy(fixture, target);
    }

    @Override
    public String toString() {
        return name().toLowerCase();
    }
}
