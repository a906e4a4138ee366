package depeche.pipeline;

import depeche.quality.QualityChecks;
import java.util.ArrayList;
import java.util.List;

/**
 * Between translate and summarize, check: every sentence pair gets its quality flags, and the article its
 * warnings when it is not French or its headline looks wrong ({@link QualityChecks}, the same checks
 * {@code translate} runs). Articles whose translation failed pass unchanged.
 */
final class CheckStage {
    private final QualityChecks checks;

    CheckStage(QualityChecks checks) {
        this.checks = checks;
    }

    /** One checked article per translated one, in order. */
    List<TranslatedArticle> check(List<TranslatedArticle> articles) {
        return articles.stream().map(this::check).toList();
    }

    private TranslatedArticle check(TranslatedArticle article) {
        return new TranslatedArticle(article.plan(), article.translation().map(english -> {
            QualityChecks.CheckedArticle checked = checks.checkArticle(article.plan().article().title(),
                    english.title(), english.body());
            List<String> warnings = new ArrayList<>(english.warnings());
            warnings.addAll(checked.warnings());
            return new ArticlePlan.Translation(english.title(), checked.body(), warnings);
        }), article.seconds(), article.memory());
    }
}
