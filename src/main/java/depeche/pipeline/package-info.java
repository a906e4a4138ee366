/**
 * The batch job ({@code depeche run}) as stages with one job each, in the order an article goes through them:
 * <ol>
 *   <li>{@link depeche.pipeline.ReadStage read}: article files, duplicate ids, articles unchanged since the
 *       last run ({@link depeche.pipeline.RunState});</li>
 *   <li>{@link depeche.pipeline.PlanStage plan}: headline and paragraphs into sentences and parts
 *       ({@link depeche.pipeline.ArticlePlan});</li>
 *   <li>{@link depeche.pipeline.TranslateStage translate}: the sentences of many articles in shared batches;</li>
 *   <li>{@link depeche.pipeline.CheckStage check}: the quality flags of every sentence
 *       ({@link depeche.quality.QualityChecks});</li>
 *   <li>{@link depeche.pipeline.SummarizeStage summarize}: the run's {@link depeche.summarize.Summarizer};</li>
 *   <li>{@link depeche.pipeline.WriteStage write}: the bilingual files, atomically;</li>
 *   <li>{@link depeche.pipeline.ReportStage report}: {@code run-report.json}, then {@code index.html} from it
 *       ({@link depeche.pipeline.IndexEntries}).</li>
 * </ol>
 * Plan, translate, check and summarize make up the {@link depeche.pipeline.ArticleProcessor}, which turns a chunk of
 * articles into {@link depeche.pipeline.ProcessedArticle}s (a bilingual document, or why there is none) and is
 * shared with the Spark job. {@link depeche.pipeline.BatchJob} strings read, processing, write and report
 * together; the {@link depeche.pipeline.RunLedger} keeps every article's place in the report, so one article's
 * failure never costs another and the report keeps the input order.
 */
package depeche.pipeline;
