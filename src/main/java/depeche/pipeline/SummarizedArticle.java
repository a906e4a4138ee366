package depeche.pipeline;

import depeche.document.Summary;
import java.util.List;
import java.util.Optional;

/**
 * An article after summarizing.
 *
 * @param summary  empty when no summary was asked for, none could be made, or the translation failed
 * @param warnings why there is no summary, when one was asked for
 * @param seconds  its share of the summarization time
 */
record SummarizedArticle(TranslatedArticle translated, Optional<Summary> summary, List<String> warnings,
                         double seconds) {
}
