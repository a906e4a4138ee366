package depeche.quality;

import depeche.document.Flag;
import depeche.document.SentencePair;
import java.util.Optional;

/** One model-free check of a sentence pair: a flag when the pair looks wrong in one particular way. */
interface SentenceCheck {
    Optional<Flag> check(SentencePair pair);
}
