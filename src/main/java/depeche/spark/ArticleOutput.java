package depeche.spark;

import depeche.document.BilingualDocument;
import depeche.io.Format;
import depeche.io.IndexEntry;
import depeche.pipeline.RunReport;
import java.io.IOException;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The output folder's files besides the datasets: each article's files, {@code index.html} and
 * {@code run-report.json}, written by the writers {@code depeche run} uses. On the local file system they are
 * {@code run}'s own {@link depeche.io.OutputFolder}; on any other Hadoop file system, the same files go through
 * the Hadoop API.
 */
interface ArticleOutput {

    /**
     * Writes the document's files, replacing those of an earlier run.
     *
     * @return the names of the files written
     */
    List<String> write(BilingualDocument document) throws IOException;

    /**
     * Writes {@code index.html} (when HTML is among the formats): the run's articles, then the review pages of
     * earlier runs in the folder.
     */
    void writeIndex(List<IndexEntry> run) throws IOException;

    void writeReport(RunReport report) throws IOException;

    /**
     * Where the output goes: the folder as given, and the formats. It travels to the executors, each of which
     * {@link #open opens} it on its own file system client.
     */
    record Location(String folder, EnumSet<Format> formats) implements Serializable {

        Location(String folder, Set<Format> formats) {
            this(folder, EnumSet.copyOf(formats));
        }

        ArticleOutput open(Configuration conf) throws IOException {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
            FileSystem fs = path.getFileSystem(conf);
            return local(conf).<ArticleOutput>map(dir -> new LocalOutput(dir, formats))
                    .orElseGet(() -> new HadoopOutput(fs, fs.makeQualified(path), formats));
        }

        /** The folder as a local path, when it is on the local file system. */
        java.util.Optional<Path> local(Configuration conf) throws IOException {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(folder);
            if (!"file".equals(path.getFileSystem(conf).getScheme())) {
                return java.util.Optional.empty();
            }
            URI uri = path.toUri();
            return java.util.Optional.of(uri.getScheme() == null ? Path.of(folder) : Path.of(uri));
        }
    }
}
