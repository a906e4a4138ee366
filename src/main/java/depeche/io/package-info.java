/**
 * Articles in, bilingual files out.
 *
 * <p>Reading: {@link depeche.io.ArticleReaders#listArticleFiles} finds the article files of a
 * folder; {@link depeche.io.ArticleReaders#read} reads one into {@link depeche.document.Article}s.
 * A whole-file problem throws {@link depeche.io.ArticleReadException}; a bad {@code .jsonl} line is
 * one of {@link depeche.io.ReadResult#errors()} and the other lines are still read. Absurd files (too large,
 * a paragraph of megabytes, nesting thousands of levels deep) are refused the same way; see
 * {@code ReadLimits}.
 *
 * <p>Writing: {@link depeche.io.OutputFolder#write} writes one
 * {@link depeche.document.BilingualDocument} in the chosen {@link depeche.io.Format}s
 * ({@link depeche.io.Format#parse} reads {@code --formats}: md, json, html, tmx, xliff);
 * {@link depeche.io.OutputFolder#writeIndex} then writes {@code index.html} from the run's
 * {@link depeche.io.IndexEntry}s once per run. Every file is written through
 * {@link depeche.io.AtomicFiles}, which the run report can use too. The review page carries its
 * style sheet and script ({@code pages.css}, {@code pages.js}) inline.
 *
 * <p>Reading back: {@link depeche.io.ArticleJsonReader} turns an article's {@code <id>.json} into the
 * document it was written from, so that its files can be written again after a review.
 */
package depeche.io;
