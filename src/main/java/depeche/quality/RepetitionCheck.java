package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A model that loops writes the same word or phrase again and again ("the the the the", "of the war of the war
 * of the war"), or one syllable within a word ("tictictictic"). Flags a word repeated four times running, a phrase
 * of two to six words three times running, or a syllable four times in a word, unless the source repeats as
 * much (a quoted chant).
 */
final class RepetitionCheck implements SentenceCheck {
    static final int WORD_REPEATS = 4;
    static final int PHRASE_REPEATS = 3;
    static final int MAX_PHRASE = 6;
    private static final Pattern SYLLABLE_LOOP = Pattern.compile("(\\p{L}{2,10}?)\\1{3,}", Pattern.CASE_INSENSITIVE);

    @Override
    public Optional<Flag> check(SentencePair pair) {
        Optional<String> loop = loop(pair.target());
        if (loop.isEmpty() || loop(pair.source()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(FlagKind.REPETITION.flag("the English repeats \"" + loop.get()
                + "\" over and over: the model may have looped"));
    }

    /** What repeats in {@code text}, shown once and shortened; empty when nothing loops. */
    static Optional<String> loop(String text) {
        List<String> words = Words.lowerCase(text);
        for (int n = 1; n <= MAX_PHRASE; n++) {
            int needed = n == 1 ? WORD_REPEATS : PHRASE_REPEATS;
            for (int start = 0; start + n * needed <= words.size(); start++) {
                int repeats = 1;
                while (start + (repeats + 1) * n <= words.size()
                        && words.subList(start, start + n).equals(words.subList(start + repeats * n,
                        start + (repeats + 1) * n))) {
                    repeats++;
                }
                if (repeats >= needed) {
                    return Optional.of(String.join(" ", words.subList(start, start + n)));
                }
            }
        }
        Matcher syllable = SYLLABLE_LOOP.matcher(text);
        return syllable.find() ? Optional.of(syllable.group(1)) : Optional.empty();
    }
}
