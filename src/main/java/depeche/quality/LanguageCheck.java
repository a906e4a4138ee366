package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.Optional;

/** A sentence of the source that is confidently not French (an English quotation, a paragraph in Spanish). */
final class LanguageCheck implements SentenceCheck {
    private final SourceLanguage language;

    LanguageCheck(SourceLanguage language) {
        this.language = language;
    }

    @Override
    public Optional<Flag> check(SentencePair pair) {
        return language.sentence(pair.source()).map(guess -> FlagKind.NOT_FRENCH.flag(
                "the source sentence reads as " + guess.describe() + ", not French"));
    }
}
