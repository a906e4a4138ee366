package depeche.pipeline;

import depeche.translate.TranslatedParagraph;
import depeche.translate.Translator;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Stage 3, translate: the sentences of many articles together, in shared length-sorted batches. An article
 * with a sentence that failed gets a failed translation naming the sentence; the others are unaffected.
 */
final class TranslateStage {
    private final Translator translator;
    private final IntConsumer progress;

    /** @param progress told how many model inputs each finished batch completed */
    TranslateStage(Translator translator, IntConsumer progress) {
        this.translator = translator;
        this.progress = progress;
    }

    /** One translated article per plan, in order. */
    List<TranslatedArticle> translate(List<ArticlePlan> plans) {
        long start = System.nanoTime();
        Iterator<TranslatedParagraph> translated = translator.translatePlanned(
                plans.stream().flatMap(plan -> plan.paragraphs().stream()).toList(), progress).iterator();
        double seconds = (System.nanoTime() - start) / 1e9;
        double tokens = Math.max(1, plans.stream().mapToInt(ArticlePlan::tokenCount).sum());
        return plans.stream().map(plan -> new TranslatedArticle(plan, plan.assemble(translated),
                seconds * plan.tokenCount() / tokens)).toList();
    }
}
