package depeche.pipeline;

import depeche.document.Article;
import depeche.document.Outcome;
import depeche.io.ArticleReadException;
import depeche.io.ArticleReaders;
import depeche.io.Format;
import depeche.io.OutputFolder;
import depeche.io.OwnOutput;
import depeche.io.ReadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stage 1, read: every article file of the input folder. Files that cannot be read, articles whose id is
 * already taken, and articles unchanged since the last run end here, in the report; the others go on. Files
 * depeche wrote itself (review pages, Markdown review files, an index) are never read as articles: the run says
 * once that the input holds them.
 */
final class ReadStage {
    /** At most this many of depeche's own files are named in the warning about them. */
    private static final int NAMED_OWN_FILES = 3;

    private final RunIdentity identity;
    private final RunState state;
    private final OutputFolder folder;
    private final Set<Format> formats;
    private final boolean force;
    private final Progress progress;
    private final Function<Path, ReadResult> reader;
    private final List<String> warnings = new ArrayList<>();

    /**
     * @param force  redo articles even when unchanged since the last run
     * @param reader reads one file ({@link ArticleReaders#read}, or in tests one that fails unforeseen)
     */
    ReadStage(RunIdentity identity, RunState state, OutputFolder folder, Set<Format> formats, boolean force,
              Progress progress, Function<Path, ReadResult> reader) {
        this.identity = identity;
        this.state = state;
        this.folder = folder;
        this.formats = formats;
        this.force = force;
        this.progress = progress;
        this.reader = reader;
    }

    /** The articles of {@code input} that need translating, in file order; the others are ended in the ledger. */
    List<ReadArticle> read(Path input, RunLedger ledger) throws IOException {
        List<ReadArticle> articles = new ArrayList<>();
        // Lower case: the files of "A" and "a" are one file where case is ignored (macOS, Windows).
        Map<String, String> seen = new HashMap<>();
        List<Path> ownOutput = new ArrayList<>();
        for (Path file : ArticleReaders.listArticleFiles(input)) {
            if (OwnOutput.isOwnOutput(file)) {
                ownOutput.add(file);
                continue;
            }
            Outcome<ReadResult> read = ArticleFaults.attempt(() -> reader.apply(file));
            if (read.error().isPresent()) {
                String error = read.error().get(); // a reader's own errors name the file already
                unreadable(ledger, stem(file), file.toString(),
                        error.startsWith(file.toString()) ? error : file + ": cannot be read: " + error);
                continue;
            }
            for (ArticleReadException e : read.value().orElseThrow().errors()) {
                String where = file + e.line().stream().mapToObj(l -> ":" + l).findFirst().orElse("");
                unreadable(ledger, stem(file), where, e.getMessage());
            }
            for (Article article : read.value().orElseThrow().articles()) {
                String previous = seen.putIfAbsent(article.id().toLowerCase(Locale.ROOT), article.source().toString());
                if (previous != null) {
                    unreadable(ledger, article.id(), article.source().toString(), article.source() + ": article id '"
                            + article.id() + "' is already used by " + previous + " (ids that differ only in case "
                            + "count as one); its output would overwrite that article's");
                    continue;
                }
                String fingerprint = identity.fingerprint(article);
                if (unchanged(article, fingerprint)) {
                    ledger.ended(ArticleReports.skipped(article));
                } else {
                    ledger.open(article);
                    articles.add(new ReadArticle(article, fingerprint));
                }
            }
        }
        if (!ownOutput.isEmpty()) {
            warnings.add(ownOutputWarning(input, ownOutput));
            progress.note("depeche: warning: " + warnings.get(warnings.size() - 1));
        }
        return articles;
    }

    /** What the run should say about the input as a whole (that it holds depeche's own output, say). */
    List<String> warnings() {
        return List.copyOf(warnings);
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

    private static String ownOutputWarning(Path input, List<Path> files) {
        String named = files.stream().limit(NAMED_OWN_FILES).map(f -> f.getFileName().toString())
                .collect(Collectors.joining(", "));
        int more = files.size() - NAMED_OWN_FILES;
        return input + " holds " + files.size() + (files.size() == 1 ? " file" : " files") + " that depeche wrote ("
                + named + (more > 0 ? " and " + more + " more" : "") + "): they are not French articles and were not "
                + "read; keep the output folder apart from the input";
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
