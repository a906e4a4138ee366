package depeche.pipeline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The input and output folders of a job, checked before any model is loaded. */
final class JobFolders {
    private JobFolders() {
    }

    /**
     * Why a job cannot read {@code input} and write {@code output}, or empty. The same folder for both is refused:
     * {@code a.md} would be overwritten by its own bilingual file, and every later run would read depeche's files
     * back as articles.
     */
    static Optional<String> problem(Path input, Path output) {
        if (!Files.isDirectory(input)) {
            return Optional.of(Files.exists(input) ? "the input " + input + " is a file; give the folder that holds "
                    + "the articles" : "the input folder " + input + " does not exist");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            return Optional.of("the output " + output + " is a file; give a folder (it is created when missing)");
        }
        try {
            if (Files.exists(output) && Files.isSameFile(input, output)) {
                return Optional.of("the input and the output are the same folder (" + input + "): the bilingual "
                        + "files would overwrite the articles they come from; give another output folder");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot compare " + input + " with " + output, e);
        }
        return Optional.empty();
    }
}
