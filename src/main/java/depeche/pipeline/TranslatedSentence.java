package depeche.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One source sentence and what became of it.
 *
 * @param source   the French sentence as the files show it
 * @param target   the English translation; empty when it failed
 * @param ids      the generated ids of each part the sentence was translated in (one part unless it was too
 *                 long), each after the decoder start token and up to its eos
 * @param warnings what a reviewer should know (split into parts, stopped at max_length)
 * @param error    why there is no translation
 */
public record TranslatedSentence(String source, Optional<String> target, List<long[]> ids, List<String> warnings,
                                 Optional<String> error) {
    public TranslatedSentence {
        ids = List.copyOf(ids);
        warnings = List.copyOf(warnings);
    }

    /** Every generated id of the sentence, the parts' ids one after the other. */
    public long[] allIds() {
        return ids.stream().flatMapToLong(Arrays::stream).toArray();
    }
}
