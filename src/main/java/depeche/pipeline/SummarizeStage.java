package depeche.pipeline;

import depeche.document.AlignedParagraph;
import depeche.document.Outcome;
import depeche.document.Summary;
import depeche.summarize.Summarizer;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Stage 4, summarize: a summary of each translated article, by the run's summarizer (when it has one), model
 * inputs of many articles sharing batches. A summary that cannot be made is a warning on its article, never
 * a failure: the translation is still written; and one article's summary that fails never costs another its own.
 */
final class SummarizeStage {
    private final Optional<Summarizer> summarizer;

    SummarizeStage(Optional<Summarizer> summarizer) {
        this.summarizer = summarizer;
    }

    /** One summarized article per translated one, in order; articles whose translation failed get no summary. */
    List<SummarizedArticle> summarize(List<TranslatedArticle> articles) {
        List<TranslatedArticle> translated = articles.stream().filter(a -> a.translation().value().isPresent())
                .toList();
        if (summarizer.isEmpty() || translated.isEmpty()) {
            return articles.stream().map(a -> new SummarizedArticle(a, Optional.empty(), List.of(), 0)).toList();
        }
        long start = System.nanoTime();
        Iterator<Outcome<Summary>> summaries = summaries(translated).iterator();
        double seconds = (System.nanoTime() - start) / 1e9;
        double length = Math.max(1, translated.stream().mapToInt(SummarizeStage::length).sum());
        return articles.stream().map(article -> {
            if (article.translation().value().isEmpty()) {
                return new SummarizedArticle(article, Optional.empty(), List.of(), 0);
            }
            Outcome<Summary> summary = summaries.next();
            return new SummarizedArticle(article, summary.value(),
                    summary.error().map(e -> "no summary: " + e).stream().toList(),
                    seconds * length(article) / length);
        }).toList();
    }

    /**
     * Every article's summary outcome. Should the summarizer fail unforeseen (or give a summary too many or too
     * few), the articles are summarized again one by one, so that only the article at fault has none.
     */
    private List<Outcome<Summary>> summaries(List<TranslatedArticle> articles) {
        Outcome<List<Outcome<Summary>>> together = ArticleFaults.attempt(() -> summarizer.orElseThrow().summarizeAll(
                articles.stream().map(SummarizeStage::prose).toList(), done -> { }));
        if (together.value().filter(summaries -> summaries.size() == articles.size()).isPresent()) {
            return together.value().get();
        }
        if (articles.size() > 1) {
            return articles.stream().flatMap(a -> summaries(List.of(a)).stream()).toList();
        }
        return List.of(Outcome.failure(together.error().orElseGet(() -> "the summarizer gave "
                + together.value().orElseThrow().size() + " summaries for one article")));
    }

    /** What a summary is made of: the body's running text; code and tables are left out. */
    private static List<AlignedParagraph> prose(TranslatedArticle article) {
        return article.translation().value().orElseThrow().body().stream().filter(AlignedParagraph::isProse).toList();
    }

    /** The length of the English running text, the summarizer's input (to share out the time). */
    private static int length(TranslatedArticle article) {
        return prose(article).stream().mapToInt(p -> p.target().length()).sum();
    }
}
