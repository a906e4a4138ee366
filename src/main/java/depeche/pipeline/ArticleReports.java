package depeche.pipeline;

import depeche.document.Article;
import depeche.memory.MemoryUse;
import depeche.pipeline.RunReport.ArticleReport;
import depeche.pipeline.RunReport.Status;
import java.util.List;
import java.util.Map;

/** The run report's entry for an article, however it ended. */
final class ArticleReports {
    private ArticleReports() {
    }

    /** A file, or a line of one, that could not be read as an article. */
    static ArticleReport unreadable(String id, String source, String error) {
        return new ArticleReport(id, source, Status.FAILED, 0, 0, 0, null, List.of(), Map.of(), List.of(),
                List.of(error));
    }

    /** An article that failed before it had a plan, or that the run stopped before it was done. */
    static ArticleReport notDone(Article article, String error) {
        return new ArticleReport(article.id(), article.source().toString(), Status.FAILED, article.paragraphs().size(),
                0, 0, null, List.of(), Map.of(), List.of(), List.of(error));
    }

    static ArticleReport skipped(Article article) {
        return new ArticleReport(article.id(), article.source().toString(), Status.SKIPPED,
                article.paragraphs().size(), 0, 0, null, List.of(), Map.of(),
                List.of("unchanged since the last run (--force redoes it)"), List.of());
    }

    /** @param memory how the translation memory served the article's sentences; null without one */
    static ArticleReport failed(ArticlePlan plan, MemoryUse memory, Map<String, Double> seconds,
                                List<String> warnings, String error) {
        return of(plan, Status.FAILED, memory, List.of(), seconds, warnings, List.of(error));
    }

    /** @param memory how the translation memory served the article's sentences; null without one */
    static ArticleReport translated(ArticlePlan plan, MemoryUse memory, List<String> outputs,
                                    Map<String, Double> seconds, List<String> warnings) {
        return of(plan, Status.TRANSLATED, memory, outputs, seconds, warnings, List.of());
    }

    private static ArticleReport of(ArticlePlan plan, Status status, MemoryUse memory, List<String> outputs,
                                    Map<String, Double> seconds, List<String> warnings, List<String> errors) {
        Article article = plan.article();
        return new ArticleReport(article.id(), article.source().toString(), status, article.paragraphs().size(),
                plan.sentenceCount(), plan.splitCount(), memory, outputs, seconds, warnings, errors);
    }
}
