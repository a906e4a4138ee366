package depeche.pipeline;

import depeche.document.Article;

/**
 * An article read from the input that needs translating.
 *
 * @param fingerprint its content and the run's identity, recorded once its files are written
 */
record ReadArticle(Article article, String fingerprint) {
}
