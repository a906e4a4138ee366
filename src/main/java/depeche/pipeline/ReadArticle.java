package depeche.pipeline;

import depeche.document.Article;

/**
 * An article read from the input that needs translating.
 *
 * @param fingerprint its content and the run's identity, recorded once its files are written
 * @param entry       its place in the run report
 */
record ReadArticle(Article article, String fingerprint, RunLedger.Entry entry) {
}
