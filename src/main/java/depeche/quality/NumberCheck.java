package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Numbers of the source must reach the target unchanged: {@code 2 500} is {@code 2,500}, {@code 3,5 %} is
 * {@code 3.5%} or {@code 3.5 percent}, {@code 08/01/2022} is {@code 08/01/2022}, {@code 01/08/2022} or
 * {@code 8 January 2022}, {@code 14 h 30} is {@code 14:30} or {@code 2:30 p.m.}. A number written as a word on
 * one side ({@code deux}, {@code two}, {@code first}) may be a digit on the other. What is left over on either
 * side is flagged, naming it.
 */
final class NumberCheck implements SentenceCheck {

    @Override
    public Optional<Flag> check(SentencePair pair) {
        Numbers source = Numbers.french(pair.source());
        Numbers target = Numbers.english(pair.target());
        List<String> missing = new ArrayList<>();
        for (Numbers.Token wanted : source.tokens()) {
            if (!target.take(wanted) && !NumberWords.english(pair.target()).contains(wanted.wordValue())) {
                missing.add(wanted.text());
            }
        }
        List<String> extra = new ArrayList<>();
        for (Numbers.Token left : target.untaken()) {
            if (!NumberWords.french(pair.source()).contains(left.wordValue())) {
                extra.add(left.text());
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("the source's " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " missing or changed in the English");
        }
        if (!extra.isEmpty()) {
            parts.add("the English has " + String.join(", ", extra) + ", not in the source");
        }
        return Optional.of(FlagKind.NUMBER_MISMATCH.flag(String.join("; ", parts)));
    }
}
