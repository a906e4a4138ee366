package depeche.pipeline;

/**
 * An article translated, waiting for its summary.
 *
 * @param seconds its share of the translation time of the batches it was in
 */
record TranslatedArticle(PlannedArticle planned, ArticlePlan.Translation translation, double seconds) {
}
