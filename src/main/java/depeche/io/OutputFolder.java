package depeche.io;

import depeche.document.BilingualDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The folder the bilingual files go to: {@code <id>.md}, {@code <id>.json}, {@code <id>.html},
 * {@code <id>.tmx}, {@code <id>.xlf} per article, in the chosen {@link Format}s, and {@code index.html}. Every file
 * is written {@link AtomicFiles atomically}: a failure never leaves a partial file.
 */
public final class OutputFolder {

    private final Path folder;
    private final Set<Format> formats;

    public OutputFolder(Path folder, Set<Format> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("no output format chosen");
        }
        this.folder = folder;
        this.formats = EnumSet.copyOf(formats);
    }

    /** Where the file of article {@code id} in {@code format} goes. */
    public Path pathOf(String id, Format format) {
        return folder.resolve(id + "." + format.extension());
    }

    /**
     * Writes the document's files, creating the folder if needed, and replacing the files of an
     * earlier run of the same article.
     *
     * @return the files written, in {@link Format} order
     * @throws IOException at the first file that cannot be written; the files before it are
     *     complete, none is partial
     */
    public List<Path> write(BilingualDocument document) throws IOException {
        Files.createDirectories(folder);
        List<Path> written = new ArrayList<>();
        for (Format format : formats) {
            Path file = pathOf(document.id(), format);
            AtomicFiles.write(file, out -> format.write(document, out));
            written.add(file);
        }
        return written;
    }

    /**
     * Writes {@code index.html}: the run's articles with their status (failed ones too, which have no page),
     * the most flagged first, then the review pages of earlier runs in the folder. Call it once after the run's
     * report.
     *
     * @return the index, or empty when HTML is not among the formats (there are no pages to link)
     */
    public Optional<Path> writeIndex(List<IndexEntry> run) throws IOException {
        if (!formats.contains(Format.HTML)) {
            return Optional.empty();
        }
        Files.createDirectories(folder);
        Path index = folder.resolve(IndexWriter.FILE_NAME);
        AtomicFiles.write(index, out -> IndexWriter.write(folder, run, out));
        return Optional.of(index);
    }

    /**
     * Writes {@code index.html} again with the counts of the pages as they are now (after a review changed
     * one), keeping the statuses the last run gave it; a folder without an index gets one over its pages.
     */
    public Optional<Path> writeIndex() throws IOException {
        return writeIndex(IndexWriter.entriesOf(folder.resolve(IndexWriter.FILE_NAME)));
    }
}
