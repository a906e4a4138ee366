package depeche.spark;

import depeche.cli.UsageException;
import depeche.document.Article;
import depeche.io.ArticleReadException;
import depeche.io.ArticleReaders;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A Parquet dataset of articles, one per row: string columns {@code id}, {@code title}, {@code text}
 * (paragraphs as in a {@code .txt} body) and optionally {@code url} and {@code date}; other columns are ignored.
 * Each row is checked as a {@code .jsonl} line is, and named {@code <input>:<row>} (counted from 1) in messages.
 *
 * @param input the dataset, as given
 * @param rows  its rows, columns checked
 */
record ParquetInput(String input, Dataset<Row> rows) implements InputSource {
    static final List<String> REQUIRED = List.of("id", "title", "text");
    static final List<String> OPTIONAL = List.of("url", "date");

    static boolean isParquet(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".parquet");
    }

    /** @throws UsageException naming a required column that is missing, or a column that is not a string */
    static ParquetInput open(SparkSession spark, String input) {
        Dataset<Row> rows = spark.read().parquet(input);
        StructType schema = rows.schema();
        for (String column : REQUIRED) {
            if (!List.of(schema.fieldNames()).contains(column)) {
                throw new UsageException("the Parquet dataset " + input + " has no column '" + column
                        + "' (it needs id, title and text; url and date are optional)");
            }
        }
        for (StructField field : schema.fields()) {
            if ((REQUIRED.contains(field.name()) || OPTIONAL.contains(field.name()))
                    && !field.dataType().equals(DataTypes.StringType)) {
                throw new UsageException("the Parquet dataset " + input + ": column '" + field.name()
                        + "' must hold strings, not " + field.dataType().simpleString());
            }
        }
        return new ParquetInput(input, rows);
    }

    @Override
    public JavaRDD<InputEntry> entries(SparkSession spark) {
        String name = input;
        return rows.javaRDD().zipWithIndex().map(row -> entry(row._1(), row._2(), name));
    }

    @Override
    public String description() {
        return "the Parquet dataset " + input;
    }

    private static InputEntry entry(Row row, long index, String input) {
        Map<String, String> fields = new HashMap<>();
        for (String column : row.schema().fieldNames()) {
            if (REQUIRED.contains(column) || OPTIONAL.contains(column)) {
                fields.put(column, row.getAs(column));
            }
        }
        int line = (int) Math.min(index + 1, Integer.MAX_VALUE);
        String where = input + ":" + line;
        try {
            Article article = ArticleReaders.readRecord(Path.of(input), line, fields);
            return InputEntry.read(index, article, where);
        } catch (ArticleReadException e) {
            // The row's own id names it in the results when it has one, bad or not; else the dataset's name.
            String id = Optional.ofNullable(fields.get("id")).filter(s -> !s.isBlank())
                    .orElse(InputSource.stem(Path.of(input)));
            return InputEntry.unreadable(index, id, where, e.getMessage());
        }
    }
}
