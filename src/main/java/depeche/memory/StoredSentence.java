package depeche.memory;

import depeche.document.Origin;
import java.time.Instant;
import java.util.Optional;

/**
 * One entry of the memory, as {@code memory export} writes it.
 *
 * @param model   for a machine translation: the model folder's name and its weights' sha256; empty for a
 *                reviewer's translation, which serves every model
 * @param note    where a reviewed translation came from; may be empty
 */
public record StoredSentence(String source, String target, Origin origin, Optional<String> model,
                             Optional<String> note, Instant created, Instant updated) {
}
