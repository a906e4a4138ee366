package depeche.spark;

import depeche.document.BilingualDocument;
import depeche.io.Format;
import depeche.io.IndexEntry;
import depeche.io.OutputFolder;
import depeche.pipeline.RunReport;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * An output folder on a Hadoop file system other than the local one (HDFS, S3A, ...). Files are made by
 * {@code run}'s own {@link OutputFolder} in a local scratch folder, then each is copied to {@code <name>.tmp}
 * beside its target and renamed over it: a reader never sees half a file, and a failure leaves the earlier
 * version. ({@code index.html} is made from the review pages of the folder, copied here first.)
 */
final class HadoopOutput implements ArticleOutput {
    private final FileSystem fs;
    private final Path folder;
    private final Set<Format> formats;

    HadoopOutput(FileSystem fs, Path folder, Set<Format> formats) {
        this.fs = fs;
        this.folder = folder;
        this.formats = formats;
    }

    @Override
    public List<String> write(BilingualDocument document) throws IOException {
        java.nio.file.Path scratch = Files.createTempDirectory("depeche-output");
        try {
            List<String> names = new ArrayList<>();
            for (java.nio.file.Path file : new OutputFolder(scratch, formats).write(document)) {
                names.add(upload(file));
            }
            return names;
        } finally {
            delete(scratch);
        }
    }

    @Override
    public void writeIndex(List<IndexEntry> run) throws IOException {
        if (!formats.contains(Format.HTML)) {
            return;
        }
        java.nio.file.Path scratch = Files.createTempDirectory("depeche-index");
        try {
            OutputFolder pages = new OutputFolder(scratch, Set.of(Format.HTML));
            Path index = new Path(folder, "index.html");
            for (FileStatus page : fs.exists(folder) ? fs.listStatus(folder) : new FileStatus[0]) {
                if (page.isFile() && page.getPath().getName().endsWith(".html") && !page.getPath().equals(index)) {
                    fs.copyToLocalFile(false, page.getPath(),
                            new Path(scratch.resolve(page.getPath().getName()).toUri()), true);
                }
            }
            java.util.Optional<java.nio.file.Path> written = pages.writeIndex(run);
            if (written.isPresent()) {
                upload(written.get());
            }
        } finally {
            delete(scratch);
        }
    }

    @Override
    public void writeReport(RunReport report) throws IOException {
        java.nio.file.Path scratch = Files.createTempDirectory("depeche-report");
        try {
            report.write(scratch);
            upload(scratch.resolve(RunReport.FILE_NAME));
        } finally {
            delete(scratch);
        }
    }

    /** Copies a local file into the folder under its name, replacing what was there; returns the name. */
    private String upload(java.nio.file.Path file) throws IOException {
        String name = file.getFileName().toString();
        Path target = new Path(folder, name);
        Path temporary = new Path(folder, name + ".tmp");
        try {
            fs.mkdirs(folder);
            fs.copyFromLocalFile(false, true, new Path(file.toUri()), temporary);
            if (fs.exists(target) && !fs.delete(target, false)) {
                throw new IOException("cannot replace " + target);
            }
            if (!fs.rename(temporary, target)) {
                throw new IOException("cannot rename " + temporary + " to " + target);
            }
            return name;
        } catch (IOException | RuntimeException e) {
            fs.delete(temporary, false);
            throw e;
        }
    }

    private static void delete(java.nio.file.Path scratch) throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(scratch)) {
            for (java.nio.file.Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
