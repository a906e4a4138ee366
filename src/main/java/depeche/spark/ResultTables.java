package depeche.spark;

import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The results dataset, two Parquet tables in the output folder: {@code sentences/} (one row per sentence pair,
 * {@link SentenceRow}) and {@code articles/} (one row per article, {@link ArticleRow}). Each is written by
 * Spark's own output committer, which makes it visible only once complete ({@code _SUCCESS}), replacing the
 * table of an earlier run: a job that fails leaves no partial table.
 */
final class ResultTables {
    static final String SENTENCES = "sentences";
    static final String ARTICLES = "articles";

    private ResultTables() {
    }

    /** Writes both tables from {@code results}, which should be computed (cached) already. */
    static void write(SparkSession spark, JavaRDD<ArticleResult> results, String output) {
        // As many files as the cluster writes at once: not one per 32-article task.
        int files = Math.max(1, Math.min(results.getNumPartitions(), spark.sparkContext().defaultParallelism()));
        spark.createDataFrame(results.flatMap(result -> result.sentences().stream().map(SentenceRow::toRow)
                        .iterator()), SentenceRow.SCHEMA)
                .coalesce(files).write().mode(SaveMode.Overwrite).parquet(new Path(output, SENTENCES).toString());
        spark.createDataFrame(results.map(result -> result.article().toRow()), ArticleRow.SCHEMA)
                .coalesce(files).write().mode(SaveMode.Overwrite).parquet(new Path(output, ARTICLES).toString());
    }
}
