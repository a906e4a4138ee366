package depeche.pipeline;

import depeche.document.Article;
import depeche.io.IndexEntry;
import depeche.pipeline.RunReport.ArticleReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The run's articles as {@code index.html} lists them: the report's statuses, with headline and date when read.
 * Public for the Spark job, whose driver has the report and each article's headline and date, not the articles.
 */
public final class IndexEntries {
    private IndexEntries() {
    }

    /** @param reports the run report's articles */
    static List<IndexEntry> of(List<ArticleReport> reports, List<ReadArticle> read) {
        Map<String, Article> articles = read.stream().map(ReadArticle::article)
                .collect(Collectors.toMap(Article::id, Function.identity(), (a, b) -> a));
        return reports.stream().map(entry -> {
            Optional<Article> article = Optional.ofNullable(articles.get(entry.id()));
            return entry(entry, article.map(Article::title), article.flatMap(Article::date));
        }).toList();
    }

    /**
     * The index's entry for an article of the report.
     *
     * @param title the headline of the article read with the entry's id, if one was
     * @param date  that article's date, if it has one
     */
    public static IndexEntry entry(ArticleReport report, Optional<String> title, Optional<String> date) {
        return new IndexEntry(report.id(), IndexEntry.Status.valueOf(report.status().name()), report.source(),
                title, date, report.errors() == null ? Optional.empty() : report.errors().stream().findFirst());
    }
}
