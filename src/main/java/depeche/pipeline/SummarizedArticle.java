package depeche.pipeline;

import depeche.document.Summary;
import java.util.List;
import java.util.Optional;

/**
 * An article translated and summarized, waiting to be written.
 *
 * @param summary  empty when no summary was asked for or none could be made
 * @param warnings why there is no summary, when one was asked for
 * @param seconds  its share of the summarization time
 */
record SummarizedArticle(TranslatedArticle translated, Optional<Summary> summary, List<String> warnings,
                         double seconds) {
}
