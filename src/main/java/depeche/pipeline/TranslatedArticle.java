package depeche.pipeline;

import depeche.document.Outcome;

/**
 * An article after translation: its translation, or why a sentence of it failed.
 *
 * @param seconds its share of the translation time of the batches it was in
 */
record TranslatedArticle(ArticlePlan plan, Outcome<ArticlePlan.Translation> translation, double seconds) {
}
