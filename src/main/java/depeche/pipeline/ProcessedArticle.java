package depeche.pipeline;

import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Outcome;
import depeche.memory.MemoryUse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An article through every stage but writing: its bilingual document, or why there is none.
 *
 * @param plan     what was translated of it (sentence counts for the report)
 * @param document the document every output file is written from, or why the article failed
 * @param seconds  time per stage (translation, summary), each article's share of the batches it was in
 * @param warnings about the article as a whole (headline, summary); also inside a successful document
 * @param memory   how the translation memory served its sentences; empty without a memory, or when the article
 *                 failed before translation ended
 */
public record ProcessedArticle(ArticlePlan plan, Outcome<BilingualDocument> document, Map<String, Double> seconds,
                               List<String> warnings, Optional<MemoryUse> memory) {
    public ProcessedArticle {
        seconds = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(seconds));
        warnings = List.copyOf(warnings);
    }

    /** An article that failed before it had a document. */
    static ProcessedArticle failed(ArticlePlan plan, String error, Map<String, Double> seconds,
                                   Optional<MemoryUse> memory) {
        return new ProcessedArticle(plan, Outcome.failure(error), seconds, List.of(), memory);
    }

    public Article article() {
        return plan.article();
    }
}
