package depeche.pipeline;

import depeche.document.Article;
import depeche.io.IndexEntry;
import depeche.pipeline.RunReport.ArticleReport;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The run's articles as {@code index.html} lists them: the report's statuses, with headline and date when read. */
final class IndexEntries {
    private IndexEntries() {
    }

    static List<IndexEntry> of(RunReport report, List<ReadArticle> read) {
        Map<String, Article> articles = read.stream().map(ReadArticle::article)
                .collect(Collectors.toMap(Article::id, Function.identity(), (a, b) -> a));
        return report.articles().stream().map(entry -> entry(entry, Optional.ofNullable(articles.get(entry.id()))))
                .toList();
    }

    private static IndexEntry entry(ArticleReport report, Optional<Article> article) {
        return new IndexEntry(report.id(), IndexEntry.Status.valueOf(report.status().name()), report.source(),
                article.map(Article::title), article.flatMap(Article::date),
                report.errors() == null ? Optional.empty() : report.errors().stream().findFirst());
    }
}
