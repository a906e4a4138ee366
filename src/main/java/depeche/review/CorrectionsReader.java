package depeche.review;

import java.nio.file.Path;

/**
 * Reads a reviewer's corrections from one kind of file. {@link PageExportReader} reads the review page's export;
 * readers of edited XLIFF or TMX files can implement the same interface and join {@link CorrectionsReaders}.
 */
public interface CorrectionsReader {
    /** Whether this reader reads files like {@code file} (by its name). */
    boolean reads(Path file);

    /**
     * The corrections in {@code file}.
     *
     * @throws ReviewException naming the file and what is wrong with it
     */
    Corrections read(Path file);
}
