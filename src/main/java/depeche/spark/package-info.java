/**
 * {@code depeche run} on Apache Spark, for volumes one machine cannot take: {@link depeche.spark.SparkRun} is the
 * entry point of {@code spark-submit}. The work is the batch job's own ({@link depeche.pipeline.ArticleProcessor},
 * the same readers and writers); this package only spreads it: articles read on the executors, cut into run's
 * chunks, a task per chunk, each executor JVM loading each model once, and the results committed as a Parquet
 * dataset beside run's files.
 */
package depeche.spark;
