package depeche.spark;

import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Summary;
import depeche.pipeline.ArticlePlan;
import depeche.pipeline.ProcessedArticle;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What became of one article: its row of the articles dataset, and its rows of the sentences dataset. */
record ArticleResult(ArticleRow article, List<SentenceRow> sentences) implements Serializable {

    ArticleResult {
        sentences = List.copyOf(sentences);
    }

    /** An article that ended before translation (as run's report has it: no paragraphs, sentences or times). */
    static ArticleResult unreadable(long position, String id, String source, String error) {
        return new ArticleResult(new ArticleRow(position, id, source, "failed", null, null, null, null, null, null,
                0, 0, 0, List.of(), Map.of(), List.of(), error), List.of());
    }

    /** An article that could not even be planned (cut into sentences): it fails alone. */
    static ArticleResult unplanned(long position, ArticleData article, String error) {
        return new ArticleResult(new ArticleRow(position, article.id(), article.source(), "failed", article.title(),
                article.url(), article.date(), null, null, null, article.paragraphs().size(), 0, 0, List.of(),
                Map.of(), List.of(), error), List.of());
    }

    /** A processed article whose files were written. */
    static ArticleResult translated(long position, ProcessedArticle processed, List<String> outputs,
                                    Map<String, Double> seconds) {
        BilingualDocument document = processed.document().value().orElseThrow();
        ArticlePlan plan = processed.plan();
        Summary summary = document.summary().orElse(null);
        Article article = document.article();
        return new ArticleResult(new ArticleRow(position, document.id(), article.source().toString(),
                "translated", article.title(), article.url().orElse(null), article.date().orElse(null),
                document.translatedTitle(),
                summary == null ? null : summary.english(),
                summary == null ? null : summary.method().name().toLowerCase(Locale.ROOT),
                article.paragraphs().size(), plan.sentenceCount(), plan.splitCount(), outputs, seconds,
                document.allWarnings(), null), SentenceRow.of(document));
    }

    /** A planned article that failed: at a stage of the processor, or while its files were written. */
    static ArticleResult failed(long position, ArticlePlan plan, Map<String, Double> seconds, List<String> warnings,
                                String error) {
        Article article = plan.article();
        return new ArticleResult(new ArticleRow(position, article.id(), article.source().toString(), "failed",
                article.title(), article.url().orElse(null), article.date().orElse(null), null, null, null,
                article.paragraphs().size(), plan.sentenceCount(), plan.splitCount(), List.of(), seconds, warnings,
                error), List.of());
    }
}
