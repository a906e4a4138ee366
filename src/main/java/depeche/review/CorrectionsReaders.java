package depeche.review;

import java.nio.file.Path;
import java.util.List;

/** The readers of every kind of corrections file depeche takes. */
public final class CorrectionsReaders {
    private static final List<CorrectionsReader> READERS = List.of(new PageExportReader());

    private CorrectionsReaders() {
    }

    /**
     * The corrections in {@code file}, read by the reader for its kind.
     *
     * @throws ReviewException when no reader takes it, or it cannot be read
     */
    public static Corrections read(Path file) {
        return READERS.stream().filter(reader -> reader.reads(file)).findFirst()
                .orElseThrow(() -> new ReviewException(file, "not a corrections file depeche reads (the review "
                        + "page's export, " + PageExportReader.SUFFIX + ")"))
                .read(file);
    }
}
