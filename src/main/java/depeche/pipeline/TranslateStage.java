package depeche.pipeline;

import depeche.document.Outcome;
import depeche.translate.TranslatedParagraph;
import depeche.translate.Translator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Stage 3, translate: the sentences of many articles together, in shared length-sorted batches. An article
 * with a sentence that failed ends here, failed, naming the sentence; the others go on.
 */
final class TranslateStage {
    private final Translator translator;
    private final Progress progress;

    TranslateStage(Translator translator, Progress progress) {
        this.translator = translator;
        this.progress = progress;
    }

    /** The articles whose every sentence was translated, in order. */
    List<TranslatedArticle> translate(List<PlannedArticle> articles) {
        long start = System.nanoTime();
        Iterator<TranslatedParagraph> translated = translator.translatePlanned(
                articles.stream().flatMap(a -> a.plan().paragraphs().stream()).toList(), progress::step).iterator();
        double seconds = (System.nanoTime() - start) / 1e9;
        double tokens = Math.max(1, articles.stream().mapToInt(a -> a.plan().tokenCount()).sum());

        List<TranslatedArticle> done = new ArrayList<>();
        for (PlannedArticle article : articles) {
            double share = seconds * article.plan().tokenCount() / tokens;
            Outcome<ArticlePlan.Translation> outcome = article.plan().assemble(translated);
            outcome.value().ifPresentOrElse(
                    translation -> done.add(new TranslatedArticle(article, translation, share)),
                    () -> article.fail(outcome.error().orElseThrow(), Map.of("translation", share), List.of(),
                            progress));
        }
        return done;
    }
}
