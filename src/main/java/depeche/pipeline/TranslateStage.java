package depeche.pipeline;

import depeche.memory.MemoryUse;
import depeche.translate.TranslatedParagraph;
import depeche.translate.Translator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
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
        return plans.stream().map(plan -> {
            List<TranslatedParagraph> own = new ArrayList<>();
            plan.paragraphs().forEach(p -> own.add(translated.next()));
            Optional<MemoryUse> memory = translator.memory().configured()
                    ? Optional.of(MemoryUse.sum(own.stream().map(TranslatedParagraph::memoryUse))) : Optional.empty();
            return new TranslatedArticle(plan, plan.assemble(own.iterator()), seconds * plan.tokenCount() / tokens,
                    memory);
        }).toList();
    }
}
