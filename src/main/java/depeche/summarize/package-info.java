/**
 * Short English summaries of translated articles, behind one {@link depeche.summarize.Summarizer} interface:
 * {@link depeche.summarize.AbstractiveSummarizer} writes them with a summarization model (BART), summarizing an
 * over-long text in chunks rather than cutting it; {@link depeche.summarize.ExtractiveSummarizer} picks the
 * article's most central sentences (TextRank), bilingual since each comes with its translation.
 */
package depeche.summarize;
