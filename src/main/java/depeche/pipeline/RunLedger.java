package depeche.pipeline;

import depeche.pipeline.RunReport.ArticleReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Every article a run meets, in input order, and how each ended: the articles of the run report. An article
 * gets its entry when it is read and its report when a stage ends it (skipped, failed, or written), so the
 * report keeps the input order whatever order the work finishes in.
 */
final class RunLedger {
    /** One article's place in the report. */
    static final class Entry {
        private ArticleReport report;

        /** Records how the article ended; an article ends once. */
        void end(ArticleReport ending) {
            if (report != null) {
                throw new IllegalStateException("article " + report.id() + " has already ended");
            }
            report = Objects.requireNonNull(ending);
        }

        boolean ended() {
            return report != null;
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    /** A new entry for an article still being worked on. */
    Entry open() {
        Entry entry = new Entry();
        entries.add(entry);
        return entry;
    }

    /** A new entry for an article that ended as soon as it was met. */
    void ended(ArticleReport report) {
        open().end(report);
    }

    /** The reports of every article so far, in input order; articles still being worked on are left out. */
    List<ArticleReport> reports() {
        return entries.stream().filter(Entry::ended).map(e -> e.report).toList();
    }
}
