package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.Locale;
import java.util.Optional;

/**
 * A translation far longer or shorter than its source is suspect: part of it lost, or text added. Okapi
 * CheckMate's default bounds: the target between 45 % and 200 % of the source's length in characters, or between
 * 30 % and 350 % when the source is shorter than 20 characters (short texts vary more).
 */
final class LengthRatioCheck implements SentenceCheck {
    static final int SHORT_SOURCE = 20;

    @Override
    public Optional<Flag> check(SentencePair pair) {
        int source = pair.source().strip().length();
        int target = pair.target().strip().length();
        boolean isShort = source < SHORT_SOURCE;
        double low = isShort ? 0.30 : 0.45;
        double high = isShort ? 3.50 : 2.00;
        double ratio = (double) target / source;
        if (ratio >= low && ratio <= high) {
            return Optional.empty();
        }
        return Optional.of(FlagKind.LENGTH_RATIO.flag(String.format(Locale.ROOT,
                "the English is %.0f %% of the French's length (%d of %d characters; expected %.0f–%.0f %%)",
                ratio * 100, target, source, low * 100, high * 100)));
    }
}
