package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.Locale;
import java.util.Optional;

/**
 * The model's own doubt: its confidence (beam search's length-normalised log-probability) under the run's
 * threshold. Scores compare only between outputs of one model, so the threshold is the run's to set; greedy
 * search computes no score and is never flagged.
 */
final class ConfidenceCheck implements SentenceCheck {
    private final double minimum;

    ConfidenceCheck(double minimum) {
        this.minimum = minimum;
    }

    @Override
    public Optional<Flag> check(SentencePair pair) {
        if (pair.confidence().isEmpty() || pair.confidence().getAsDouble() >= minimum) {
            return Optional.empty();
        }
        return Optional.of(FlagKind.LOW_CONFIDENCE.flag(String.format(Locale.ROOT,
                "the model's confidence %.3f is under the run's minimum %.3f", pair.confidence().getAsDouble(),
                minimum)));
    }
}
