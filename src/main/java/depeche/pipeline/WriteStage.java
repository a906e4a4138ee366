package depeche.pipeline;

import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.io.OutputFolder;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
    private final RunIdentity identity;
    private final Progress progress;

    WriteStage(OutputFolder folder, RunState state, RunIdentity identity, Progress progress) {
        this.folder = folder;
        this.state = state;
        this.identity = identity;
        this.progress = progress;
    }

    /** Writes the article's files and ends its entry: translated, or failed when a file could not be written. */
    void write(SummarizedArticle summarized) {
        TranslatedArticle translated = summarized.translated();
        PlannedArticle planned = translated.planned();
        Article article = planned.read().article();
        Map<String, Double> seconds = new LinkedHashMap<>();
        seconds.put("translation", translated.seconds());
        if (summarized.seconds() > 0) {
            seconds.put("summary", summarized.seconds());
        }
        List<String> warnings = new ArrayList<>(translated.translation().warnings());
        warnings.addAll(summarized.warnings());
        try {
            long start = System.nanoTime();
            Map<String, Duration> timings = new LinkedHashMap<>();
            seconds.forEach((step, s) -> timings.put(step, Duration.ofNanos((long) (s * 1e9))));
            BilingualDocument document = new BilingualDocument(article, translated.translation().title(),
                    translated.translation().body(), summarized.summary(), identity.runInfo(timings), warnings);
            List<Path> written = folder.write(document);
            state.record(article.id(), planned.read().fingerprint());
            seconds.put("writing", (System.nanoTime() - start) / 1e9);
            planned.read().entry().end(ArticleReports.translated(planned.plan(),
                    written.stream().map(p -> p.getFileName().toString()).toList(), seconds,
                    document.allWarnings()));
        } catch (IOException | RuntimeException e) {
            planned.fail("writing the outputs failed: " + OneLine.of(e), seconds, warnings, progress);
        }
    }
}
