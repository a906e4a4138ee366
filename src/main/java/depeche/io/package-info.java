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
 * ({@link depeche.io.Format#parse} reads {@code --formats}); {@link depeche.io.OutputFolder#writeIndex}
 * then writes {@code index.html} once per run. Every file is written through
 * {@link depeche.io.AtomicFiles}, which the run report can use too.
 */
package depeche.io;
