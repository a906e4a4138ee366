package depeche.pipeline;

import depeche.document.Outcome;
import depeche.memory.MemoryUse;
import java.util.Optional;

/**
 * An article after translation: its translation, or why a sentence of it failed.
 *
 * @param seconds its share of the translation time of the batches it was in
 * @param memory  how the translation memory served its sentences; empty without a memory
 */
record TranslatedArticle(ArticlePlan plan, Outcome<ArticlePlan.Translation> translation, double seconds,
                         Optional<MemoryUse> memory) {
}
