package depeche.spark;

import depeche.pipeline.BatchJob;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The driver's look at everything read, before any model runs. It applies {@code depeche run}'s rule for ids over
 * the whole input (the first article with an id keeps it; a later one fails, since its files would overwrite the
 * first's), and cuts the kept articles, in input order, into the chunks of {@link BatchJob#ARTICLES_PER_CHUNK}
 * that run translates together: so both batch the same sentences together, and each chunk is one Spark task.
 */
final class Admission {
    private final long[] kept;
    private final List<ArticleResult> failed;

    private Admission(long[] kept, List<ArticleResult> failed) {
        this.kept = kept;
        this.failed = List.copyOf(failed);
    }

    /** @param entries everything read, in any order (their text is not needed) */
    static Admission of(List<InputEntry> entries) {
        List<Long> kept = new ArrayList<>();
        List<ArticleResult> failed = new ArrayList<>();
        // Lower case, as run: the files of "A" and "a" are one file where case is ignored (macOS, Windows).
        Map<String, String> seen = new HashMap<>();
        for (InputEntry entry : entries.stream().sorted(Comparator.comparingLong(InputEntry::position)).toList()) {
            if (!entry.readable()) {
                failed.add(ArticleResult.unreadable(entry.position(), entry.id(), entry.source(), entry.error()));
                continue;
            }
            String previous = seen.putIfAbsent(entry.id().toLowerCase(Locale.ROOT), entry.where());
            if (previous != null) {
                failed.add(ArticleResult.unreadable(entry.position(), entry.id(), entry.source(), entry.where()
                        + ": article id '" + entry.id() + "' is already used by " + previous
                        + " (ids that differ only in case count as one); its output would overwrite that article's"));
                continue;
            }
            kept.add(entry.position());
        }
        return new Admission(kept.stream().mapToLong(Long::longValue).toArray(), failed);
    }

    /** The positions of the articles to translate, in input order. */
    long[] kept() {
        return kept.clone();
    }

    /** The articles that failed before translation: unreadable, or their id already taken. */
    List<ArticleResult> failed() {
        return failed;
    }

    /** How many chunks the kept articles make. */
    int chunks() {
        return (kept.length + BatchJob.ARTICLES_PER_CHUNK - 1) / BatchJob.ARTICLES_PER_CHUNK;
    }

    /**
     * The chunk of the kept article at {@code position}, or -1 when it is not kept.
     *
     * @param kept {@link #kept()}, as the executors have it
     */
    static int chunkOf(long[] kept, long position) {
        int index = Arrays.binarySearch(kept, position);
        return index < 0 ? -1 : index / BatchJob.ARTICLES_PER_CHUNK;
    }
}
