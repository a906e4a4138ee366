package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
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
        // Concatenated, not String.format: a JVM's first format sets up java.util.Formatter and its number
        // formatting, 10 ms of a one-sentence translate whose sentence is flagged.
        return Optional.of(FlagKind.LENGTH_RATIO.flag("the English is " + percent(ratio) + " % of the French's length ("
                + target + " of " + source + " characters; expected " + percent(low) + "–" + percent(high) + " %)"));
    }

    /** {@code fraction} in whole percent, rounded half up (as {@code %.0f} would). */
    static long percent(double fraction) {
        return Math.round(fraction * 100);
    }
}
