package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The target should be English: flags a target identical to its source ({@code copy}) and one that keeps many
 * French function words ({@code untranslated}). Function words alone are counted, those no English text uses
 * ("les", "dans", "qui", never "a", "on" or "son"), in lower case so that names such as "Le Pen" or "Des Moines"
 * do not count; elisions ("l’armée", "qu’il") count too.
 */
final class UntranslatedCheck implements SentenceCheck {
    /** At least this many French function words, making at least this share of the words, is untranslated text. */
    static final int MIN_FRENCH_WORDS = 3;
    static final double MIN_FRENCH_SHARE = 0.2;

    private static final Set<String> FRENCH_ONLY = Set.of(
            "le", "la", "les", "des", "du", "au", "aux", "et", "est", "sont", "une", "dans", "qui", "que", "pas",
            "avec", "cette", "ces", "il", "elle", "ils", "elles", "nous", "vous", "leur", "leurs", "mais", "où",
            "sa", "ses", "été", "être", "avait", "ont", "selon", "lors", "chez", "sans", "sous", "depuis", "contre",
            "aussi", "très", "déjà", "comme", "tous", "toute", "toutes", "même", "donc", "ainsi", "après", "avant",
            "notre", "nos", "votre", "vos", "cela", "ceci", "celui", "celle", "dont", "lequel", "laquelle",
            "lesquels", "auquel", "duquel", "puis", "parce", "quand", "encore", "aujourd’hui", "aujourd'hui");
    private static final Pattern ELISION = Pattern.compile("(?:[ldjnmstc]|qu|jusqu|lorsqu|puisqu)['’]\\p{Ll}.*");

    @Override
    public Optional<Flag> check(SentencePair pair) {
        List<String> sourceWords = Words.of(pair.source());
        if (Words.folded(pair.source()).equals(Words.folded(pair.target()))
                && (sourceWords.size() >= 3 || frenchWords(sourceWords) > 0)) {
            return Optional.of(FlagKind.COPY.flag("the English is the French source, unchanged"));
        }
        List<String> targetWords = Words.of(pair.target());
        int french = frenchWords(targetWords);
        if (french >= MIN_FRENCH_WORDS && french >= MIN_FRENCH_SHARE * targetWords.size()) {
            return Optional.of(FlagKind.UNTRANSLATED.flag(french + " of the English's " + targetWords.size()
                    + " words are French function words: it looks untranslated"));
        }
        return Optional.empty();
    }

    /** Words (as written) that are French function words; capitalized ones are left out as likely names. */
    private static int frenchWords(List<String> words) {
        return (int) words.stream()
                .filter(w -> FRENCH_ONLY.contains(w) || ELISION.matcher(w).matches())
                .count();
    }
}
