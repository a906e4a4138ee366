package depeche.io;

import java.util.Objects;
import java.util.Optional;

/**
 * One article of a run as {@code index.html} lists it: what the run knows of it (from its ledger), which the
 * index completes with what the article's review page says (headline, counts of sentences and flags).
 *
 * @param id     the article id (for an unreadable file: its name without extension)
 * @param status how the article ended in the run
 * @param source the file it came from
 * @param title  the French headline, when the article was read
 * @param date   the publication date as the source gives it
 * @param error  why the article failed
 */
public record IndexEntry(String id, Status status, String source, Optional<String> title, Optional<String> date,
                         Optional<String> error) {

    /** How an article ended, as the index shows it. */
    public enum Status {
        /** Translated and written in this run. */
        TRANSLATED,
        /** Unchanged since an earlier run, whose files stay. */
        SKIPPED,
        /** Failed in this run: no page. */
        FAILED,
        /** Not in this run, but its page is in the folder from an earlier one. */
        EARLIER;

        /** The word the index shows. */
        public String label() {
            return this == EARLIER ? "earlier run" : name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public IndexEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(error, "error");
    }
}
