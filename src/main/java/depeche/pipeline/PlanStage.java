package depeche.pipeline;

import depeche.document.Article;
import depeche.translate.Planner;

/**
 * Stage 2, plan: each article's headline and paragraphs cut into the sentences and parts the model translates
 * (a table's cells one by one; code blocks give the model nothing).
 */
final class PlanStage {
    private final Planner planner;

    PlanStage(Planner planner) {
        this.planner = planner;
    }

    ArticlePlan plan(Article article) {
        return new ArticlePlan(article, planner.plan(article.title()), planner.planBlocks(article.blocks()));
    }
}
