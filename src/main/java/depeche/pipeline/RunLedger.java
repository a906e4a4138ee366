package depeche.pipeline;

import depeche.pipeline.RunReport.ArticleReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Every article a run meets, in input order, and how each ended: the articles of the run report. An article
 * gets its place when it is read and its report when it ends (skipped, failed, or written), so the report keeps
 * the input order whatever order the work finishes in. Articles still being worked on are known by their id,
 * which the read stage keeps unique; entries that end at once (an unreadable file) need none.
 */
final class RunLedger {
    private final Map<Object, ArticleReport> entries = new LinkedHashMap<>();

    /** Makes a place for an article still being worked on. */
    void open(String id) {
        if (entries.containsKey(id)) {
            throw new IllegalStateException("article " + id + " is already in the run");
        }
        entries.put(id, null);
    }

    /** Records how the opened article {@code id} ended; an article ends once. */
    void end(String id, ArticleReport report) {
        if (!entries.containsKey(id) || entries.get(id) != null) {
            throw new IllegalStateException("article " + id + " is not waiting to end");
        }
        entries.put(id, Objects.requireNonNull(report));
    }

    /** Adds an article that ended as soon as it was met. */
    void ended(ArticleReport report) {
        entries.put(new Object(), Objects.requireNonNull(report));
    }

    /** The reports of every article so far, in input order; articles still being worked on are left out. */
    List<ArticleReport> reports() {
        return entries.values().stream().filter(Objects::nonNull).toList();
    }
}
