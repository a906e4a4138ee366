/**
 * A reviewer's corrections back into the outputs: {@link depeche.review.CorrectionsReaders} reads a corrections
 * file (the review page's export; edited XLIFF or TMX files can join as other
 * {@link depeche.review.CorrectionsReader}s), {@link depeche.review.ReviewApplier} puts the corrections into the
 * article's document, refusing any that do not meet their sentence, and {@link depeche.review.ReviewApply} writes
 * the article's files again ({@code depeche review apply}).
 */
package depeche.review;
