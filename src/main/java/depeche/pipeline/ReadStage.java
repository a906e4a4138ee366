package depeche.pipeline;

import depeche.document.Article;
import depeche.io.ArticleReadException;
import depeche.io.ArticleReaders;
import depeche.io.Format;
import depeche.io.OutputFolder;
import depeche.io.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 1, read: every article file of the input folder. Files that cannot be read, articles whose id is
 * already taken, and articles unchanged since the last run end here, in the report; the others go on.
 */
final class ReadStage {
    private final RunIdentity identity;
    private final RunState state;
    private final OutputFolder folder;
    private final Set<Format> formats;
    private final boolean force;
    private final Progress progress;

    /** @param force redo articles even when unchanged since the last run */
    ReadStage(RunIdentity identity, RunState state, OutputFolder folder, Set<Format> formats, boolean force,
              Progress progress) {
        this.identity = identity;
        this.state = state;
        this.folder = folder;
        this.formats = formats;
        this.force = force;
        this.progress = progress;
    }

    /** The articles of {@code input} that need translating, in file order; the others are ended in the ledger. */
    List<ReadArticle> read(Path input, RunLedger ledger) throws IOException {
        List<ReadArticle> articles = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (Path file : ArticleReaders.listArticleFiles(input)) {
            ReadResult read;
            try {
                read = ArticleReaders.read(file);
            } catch (ArticleReadException e) {
                unreadable(ledger, stem(file), file.toString(), e.getMessage());
                continue;
            }
            for (ArticleReadException e : read.errors()) {
                String where = file + e.line().stream().mapToObj(l -> ":" + l).findFirst().orElse("");
                unreadable(ledger, stem(file), where, e.getMessage());
            }
            for (Article article : read.articles()) {
                String previous = seen.putIfAbsent(article.id(), article.source().toString());
                if (previous != null) {
                    unreadable(ledger, article.id(), article.source().toString(), article.source() + ": article id '"
                            + article.id() + "' is already used by " + previous
                            + "; its output would overwrite that article's");
                    continue;
                }
                String fingerprint = identity.fingerprint(article);
                if (unchanged(article, fingerprint)) {
                    ledger.ended(ArticleReports.skipped(article));
                } else {
                    ledger.open(article.id());
                    articles.add(new ReadArticle(article, fingerprint));
                }
            }
        }
        return articles;
    }

    /** Whether the last run made this article's files from the same content and identity, and they are all there. */
    private boolean unchanged(Article article, String fingerprint) {
        return !force && state.fingerprint(article.id()).filter(fingerprint::equals).isPresent()
                && formats.stream().allMatch(f -> Files.exists(folder.pathOf(article.id(), f)));
    }

    private void unreadable(RunLedger ledger, String id, String source, String error) {
        ledger.ended(ArticleReports.unreadable(id, source, error));
        progress.note("depeche: " + error);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
