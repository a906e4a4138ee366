package depeche.pipeline;

import depeche.document.Article;
import depeche.pipeline.RunReport.ArticleReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every article a run meets, in input order, and how each ended: the articles of the run report. An article
 * gets its place when it is read and its report when it ends (skipped, failed, or written), so the report keeps
 * the input order whatever order the work finishes in. Articles still being worked on are known by their id,
 * which the read stage keeps unique; entries that end at once (an unreadable file) need none. Thread-safe: a run
 * that is interrupted reports from the thread that handles the signal.
 */
final class RunLedger {
    private final Map<Object, ArticleReport> entries = new LinkedHashMap<>();
    private final Map<String, Article> open = new HashMap<>();

    /** Makes a place for an article still being worked on. */
    synchronized void open(Article article) {
        if (entries.containsKey(article.id())) {
            throw new IllegalStateException("article " + article.id() + " is already in the run");
        }
        entries.put(article.id(), null);
        open.put(article.id(), article);
    }

    /** Records how the opened article {@code id} ended; an article ends once. */
    synchronized void end(String id, ArticleReport report) {
        if (open.remove(id) == null) {
            throw new IllegalStateException("article " + id + " is not waiting to end");
        }
        entries.put(id, Objects.requireNonNull(report));
    }

    /** Adds an article that ended as soon as it was met. */
    synchronized void ended(ArticleReport report) {
        entries.put(new Object(), Objects.requireNonNull(report));
    }

    /** How many articles have a place but no report yet. */
    synchronized int openCount() {
        return open.size();
    }

    /**
     * The reports of every article, in input order; an article still being worked on is reported as failed with
     * {@code error} (the run stopped before it was done).
     */
    synchronized List<ArticleReport> reports(String error) {
        List<ArticleReport> reports = new ArrayList<>();
        entries.forEach((key, report) -> reports.add(report != null ? report
                : ArticleReports.notDone(open.get((String) key), error)));
        return reports;
    }
}
