package depeche.spark;

import depeche.document.BilingualDocument;
import depeche.io.Format;
import depeche.io.IndexEntry;
import depeche.io.OutputFolder;
import depeche.pipeline.RunReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** An output folder on the local file system (or a mount every executor shares): exactly {@code run}'s files. */
final class LocalOutput implements ArticleOutput {
    private final Path folder;
    private final OutputFolder files;

    LocalOutput(Path folder, Set<Format> formats) {
        this.folder = folder;
        this.files = new OutputFolder(folder, formats);
    }

    @Override
    public List<String> write(BilingualDocument document) throws IOException {
        return files.write(document).stream().map(file -> file.getFileName().toString()).toList();
    }

    @Override
    public void writeIndex(List<IndexEntry> run) throws IOException {
        files.writeIndex(run);
    }

    @Override
    public void writeReport(RunReport report) throws IOException {
        report.write(folder);
    }
}
