/**
 * The batch job ({@code depeche run}) as stages with one job each, in the order an article goes through them:
 * <ol>
 *   <li>{@link depeche.pipeline.ReadStage read}: article files, duplicate ids, articles unchanged since the
 *       last run ({@link depeche.pipeline.RunState});</li>
 *   <li>{@link depeche.pipeline.PlanStage plan}: headline and paragraphs into sentences and parts
 *       ({@link depeche.pipeline.ArticlePlan});</li>
 *   <li>{@link depeche.pipeline.TranslateStage translate}: the sentences of many articles in shared batches;</li>
 *   <li>{@link depeche.pipeline.SummarizeStage summarize}: the run's {@link depeche.summarize.Summarizer};</li>
 *   <li>{@link depeche.pipeline.WriteStage write}: the bilingual files, atomically;</li>
 *   <li>{@link depeche.pipeline.ReportStage report}: {@code run-report.json}.</li>
 * </ol>
 * {@link depeche.pipeline.BatchJob} strings them together chunk by chunk; each article carries its entry in
 * the {@link depeche.pipeline.RunLedger}, which a stage ends when the article is skipped, fails or is written,
 * so one article's failure never costs another, and the report keeps the input order.
 */
package depeche.pipeline;
