/**
 * Summaries made without a model: {@link depeche.summarize.ExtractiveSummarizer} picks the
 * article's most central sentences, which are bilingual since each comes with its translation.
 */
package depeche.summarize;
