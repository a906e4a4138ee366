package depeche.pipeline;

import java.util.List;
import java.util.Map;

/** An article read and planned, waiting for translation. */
record PlannedArticle(ReadArticle read, ArticlePlan plan) {

    /** Ends the article as failed, and says why on stderr as it happens. */
    void fail(String error, Map<String, Double> seconds, List<String> warnings, Progress progress) {
        progress.note("depeche: " + read.article().source() + ": " + error);
        read.entry().end(ArticleReports.failed(plan, seconds, warnings, List.of(error)));
    }
}
