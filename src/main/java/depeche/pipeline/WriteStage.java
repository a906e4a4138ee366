package depeche.pipeline;

import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Outcome;
import depeche.io.OutputFolder;
import depeche.pipeline.RunReport.ArticleReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 5, write: each article's bilingual files, atomically, and its fingerprint in the run state once they
 * are all written (so an interrupted run redoes only what it had not finished).
 */
final class WriteStage {
    private final OutputFolder folder;
    private final RunState state;
    private final Progress progress;

    WriteStage(OutputFolder folder, RunState state, Progress progress) {
        this.folder = folder;
        this.state = state;
        this.progress = progress;
    }

    /**
     * Writes a processed article's files and says how it ended: translated, or failed (at an earlier stage, or
     * because a file could not be written), which is also said on stderr as it happens.
     */
    ArticleReport write(ProcessedArticle processed, String fingerprint) {
        Map<String, Double> seconds = new LinkedHashMap<>(processed.seconds());
        if (processed.document().error().isPresent()) {
            return failed(processed, seconds, processed.document().error().get());
        }
        BilingualDocument document = processed.document().value().orElseThrow();
        Article article = processed.article();
        long start = System.nanoTime();
        Outcome<List<Path>> written = ArticleFaults.attempt(() -> {
            List<Path> files = folder.write(document);
            state.record(article.id(), fingerprint);
            return files;
        });
        if (written.error().isPresent()) {
            return failed(processed, seconds, "writing the outputs failed: " + written.error().get());
        }
        seconds.put("writing", (System.nanoTime() - start) / 1e9);
        return ArticleReports.translated(processed.plan(), processed.memory().orElse(null),
                written.value().orElseThrow().stream().map(p -> p.getFileName().toString()).toList(), seconds,
                document.allWarnings());
    }

    /** An article that failed before it had a plan: said on stderr, and its report. */
    ArticleReport failed(Article article, String error) {
        progress.note("depeche: " + article.source() + ": " + error);
        return ArticleReports.notDone(article, error);
    }

    private ArticleReport failed(ProcessedArticle processed, Map<String, Double> seconds, String error) {
        progress.note("depeche: " + processed.article().source() + ": " + error);
        return ArticleReports.failed(processed.plan(), processed.memory().orElse(null), seconds,
                processed.warnings(), error);
    }
}
