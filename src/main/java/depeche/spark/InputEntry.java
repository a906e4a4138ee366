package depeche.spark;

import depeche.document.Article;
import java.io.Serializable;

/**
 * One thing the job met in its input: an article, or a file or record that could not be read (which ends there,
 * as a failed article). Entries keep the order {@code depeche run} meets them in: files in name order; within a
 * {@code .jsonl} file its bad lines first, then its articles (as the run report lists them); rows of a dataset
 * in dataset order.
 *
 * @param position its place in that order
 * @param id       the article's id; for an unreadable file, the file's name without extension
 * @param source   the file the article came from, as the run report names it
 * @param where    where to say it is when its id is taken: the source, with the row for a dataset's row
 * @param article  the article, or null when it could not be read
 * @param error    why it could not be read, or null
 */
record InputEntry(long position, String id, String source, String where, ArticleData article, String error)
        implements Serializable {

    /** The position of the {@code entry}-th thing met in the {@code file}-th file. */
    static long position(int file, int entry) {
        return ((long) file << 32) | entry;
    }

    static InputEntry read(long position, Article article, String where) {
        return new InputEntry(position, article.id(), article.source().toString(), where, ArticleData.of(article),
                null);
    }

    static InputEntry unreadable(long position, String id, String source, String error) {
        return new InputEntry(position, id, source, source, null, error);
    }

    boolean readable() {
        return error == null;
    }

    /** This entry without the article's text: what the driver needs to admit it. */
    InputEntry withoutText() {
        return new InputEntry(position, id, source, where, null, error);
    }
}
