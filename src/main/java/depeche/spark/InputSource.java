package depeche.spark;

import depeche.cli.UsageException;
import depeche.io.ArticleReaders;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.SparkSession;

/**
 * Where the job's articles come from, on any Hadoop file system: a folder of article files as {@code depeche run}
 * reads them (or one such file), or a Parquet dataset of {@code id, title, text[, url, date]}. Reading happens on
 * the executors; only the listing happens here.
 */
interface InputSource {

    /** Everything in the input, read: one entry per article, unreadable file or unreadable record. */
    JavaRDD<InputEntry> entries(SparkSession spark);

    /** What the input is, for progress messages ("40 article files"). */
    String description();

    /**
     * The input named {@code input}: a folder holding article files is read as {@code run} reads it (files
     * directly in it, hidden ones left out, in name order); a folder holding none but {@code .parquet} files,
     * or a {@code .parquet} file, is a Parquet dataset; a single article file is read alone.
     *
     * @throws UsageException when it does not exist or is none of these, or a dataset lacks a column
     */
    static InputSource open(SparkSession spark, String input) throws IOException {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(input);
        FileSystem fs = path.getFileSystem(conf);
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new UsageException("the input " + input + " does not exist");
        }
        if (status.isFile()) {
            String name = path.getName();
            if (ParquetInput.isParquet(name)) {
                return ParquetInput.open(spark, input);
            }
            if (!ArticleReaders.isArticleFile(Path.of(name))) {
                throw new UsageException("the input " + input + " is neither a folder, an article file (."
                        + String.join(", .", ArticleReaders.EXTENSIONS) + ") nor a Parquet dataset");
            }
            return new ArticleFileInput(List.of(path.toString()), List.of(input));
        }
        FileStatus[] children = fs.listStatus(path);
        List<FileStatus> articleFiles = Arrays.stream(children)
                .filter(FileStatus::isFile)
                .filter(child -> !child.getPath().getName().startsWith("."))
                .filter(child -> ArticleReaders.isArticleFile(Path.of(child.getPath().getName())))
                .sorted(Comparator.comparing(child -> Path.of(child.getPath().getName()))) // as run sorts them
                .toList();
        if (articleFiles.isEmpty() && Arrays.stream(children)
                .anyMatch(child -> child.isFile() && ParquetInput.isParquet(child.getPath().getName()))) {
            return ParquetInput.open(spark, input);
        }
        return new ArticleFileInput(articleFiles.stream().map(child -> child.getPath().toString()).toList(),
                articleFiles.stream().map(child -> Path.of(input).resolve(child.getPath().getName()).toString())
                        .toList());
    }

    /** A file's name without its extension: the id run gives an unreadable file in its report. */
    static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
