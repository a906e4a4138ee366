package depeche.spark;

import depeche.pipeline.RunReport.ArticleReport;
import depeche.pipeline.RunReport.Status;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * One article of the results dataset ({@code articles/}): how it ended, as the run report says it, with its
 * headline and summary. Absent values are null.
 *
 * @param position        its place in the input (the order of the run report)
 * @param status          {@code translated} or {@code failed}
 * @param title           the French headline, when the article was read
 * @param url             the article's address, when its source gives one
 * @param date            its publication date, as its source gives it
 * @param translatedTitle the English headline, when translated
 * @param summary         the English summary, when one was made
 * @param summaryMethod   {@code abstractive} or {@code extractive}, with a summary
 * @param outputs         the files written
 * @param seconds         time per step, as in the run report
 * @param error           why it failed, or null
 */
record ArticleRow(long position, String id, String source, String status, String title, String url, String date,
                  String translatedTitle, String summary, String summaryMethod, int paragraphs, int sentences, int splitSentences,
                  List<String> outputs, Map<String, Double> seconds, List<String> warnings, String error)
        implements Serializable {

    static final StructType SCHEMA = new StructType()
            .add("position", DataTypes.LongType, false)
            .add("id", DataTypes.StringType, false)
            .add("source", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("title", DataTypes.StringType, true)
            .add("url", DataTypes.StringType, true)
            .add("date", DataTypes.StringType, true)
            .add("translated_title", DataTypes.StringType, true)
            .add("summary", DataTypes.StringType, true)
            .add("summary_method", DataTypes.StringType, true)
            .add("paragraphs", DataTypes.IntegerType, false)
            .add("sentences", DataTypes.IntegerType, false)
            .add("split_sentences", DataTypes.IntegerType, false)
            .add("outputs", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("seconds", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType, false), false)
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType, false), false)
            .add("error", DataTypes.StringType, true);

    ArticleRow {
        outputs = new ArrayList<>(outputs);
        seconds = new LinkedHashMap<>(seconds);
        warnings = new ArrayList<>(warnings);
    }

    Row toRow() {
        return RowFactory.create(position, id, source, status, title, url, date, translatedTitle, summary, summaryMethod,
                paragraphs, sentences, splitSentences, outputs.toArray(String[]::new),
                CollectionConverters.asScala(seconds), warnings.toArray(String[]::new), error);
    }

    /** The run report's entry for the article: what {@code depeche run} writes for it. */
    ArticleReport report() {
        // No translation memory on Spark: the report's memory is absent, as for a run without one.
        return new ArticleReport(id, source, Status.valueOf(status.toUpperCase(Locale.ROOT)), paragraphs, sentences,
                splitSentences, null, outputs, seconds, warnings, error == null ? List.of() : List.of(error));

    }
}
