package depeche.spark;

import depeche.document.Article;
import depeche.io.ArticleReadException;
import depeche.io.ArticleReaders;
import depeche.io.ReadResult;
import depeche.text.OneLine;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.security.AccessControlException;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.SerializableConfiguration;
import scala.Tuple2;

/**
 * Article files ({@code .txt}, {@code .md}, {@code .html}, {@code .jsonl}), each read whole on an executor by the
 * readers {@code depeche run} uses, and named as run names them (the input as given, then the file's name).
 *
 * @param files the files' Hadoop paths, in input order
 * @param names the same files as {@code depeche run} names them
 */
record ArticleFileInput(List<String> files, List<String> names) implements InputSource {

    @Override
    public org.apache.spark.api.java.JavaRDD<InputEntry> entries(SparkSession spark) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<SerializableConfiguration> conf = SerializableConfiguration.broadcast(spark.sparkContext());
        List<Tuple2<Integer, Tuple2<String, String>>> indexed = IntStream.range(0, files.size())
                .mapToObj(i -> new Tuple2<>(i, new Tuple2<>(files.get(i), names.get(i)))).toList();
        int slices = Math.max(1, Math.min(files.size(), 4 * jsc.defaultParallelism()));
        return jsc.parallelize(indexed, slices)
                .flatMap(file -> read(file._1(), file._2()._1(), file._2()._2(), conf.value().value()).iterator());
    }

    @Override
    public String description() {
        return files.size() + " article file" + (files.size() == 1 ? "" : "s");
    }

    /** What the {@code index}-th file holds, in the order run's read stage meets it. */
    static List<InputEntry> read(int index, String file, String name, Configuration conf) {
        Path named = Path.of(name);
        ReadResult read;
        try (InputStream in = new org.apache.hadoop.fs.Path(file).getFileSystem(conf)
                .open(new org.apache.hadoop.fs.Path(file))) {
            read = ArticleReaders.read(named, in);
        } catch (ArticleReadException e) {
            return List.of(unreadable(index, named, e.getMessage()));
        } catch (FileNotFoundException e) {
            return List.of(unreadable(index, named, new ArticleReadException(named, "no such file").getMessage()));
        } catch (AccessControlException e) {
            return List.of(unreadable(index, named, new ArticleReadException(named, "permission denied").getMessage()));
        } catch (IOException e) {
            return List.of(unreadable(index, named,
                    new ArticleReadException(named, "cannot read: " + OneLine.of(e)).getMessage()));
        }
        List<InputEntry> entries = new ArrayList<>();
        for (ArticleReadException e : read.errors()) {
            String where = name + e.line().stream().mapToObj(l -> ":" + l).findFirst().orElse("");
            entries.add(InputEntry.unreadable(InputEntry.position(index, entries.size()), InputSource.stem(named),
                    where, e.getMessage()));
        }
        for (Article article : read.articles()) {
            entries.add(InputEntry.read(InputEntry.position(index, entries.size()), article,
                    article.source().toString()));
        }
        return entries;
    }

    private static InputEntry unreadable(int index, Path file, String error) {
        return InputEntry.unreadable(InputEntry.position(index, 0), InputSource.stem(file), file.toString(), error);
    }
}
