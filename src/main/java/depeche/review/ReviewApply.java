package depeche.review;

import depeche.document.ArticleId;
import depeche.document.BilingualDocument;
import depeche.io.ArticleJsonReader;
import depeche.io.ArticleReadException;
import depeche.io.Format;
import depeche.io.OutputFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code depeche review apply}: a reviewer's corrections back into an article's output files. The article's
 * {@code <id>.json} is read back into its document, the corrections are applied ({@link ReviewApplier}), and every
 * file the article has in the folder (md, json, html, tmx, xlf) is written again, atomically, then
 * {@code index.html}. Nothing is written unless every correction fits.
 */
public final class ReviewApply {

    /**
     * What applying did.
     *
     * @param written the article's files written again
     * @param index   {@code index.html}, when the article has a review page
     */
    public record Result(ReviewApplier.Applied applied, List<Path> written, Optional<Path> index) {
        public Result {
            written = List.copyOf(written);
        }

        public BilingualDocument document() {
            return applied.document();
        }
    }

    private ReviewApply() {
    }

    /**
     * Applies the corrections in {@code file} to the article's files in {@code output}.
     *
     * @throws ReviewException naming the file at fault and the problem; nothing is written then
     * @throws IOException     when a file cannot be written (the files before it are complete, none is partial)
     */
    public static Result apply(Path file, Path output) throws IOException {
        Corrections corrections = CorrectionsReaders.read(file);
        ArticleId.problem(corrections.article()).ifPresent(problem -> {
            throw new ReviewException(file, "\"article\": " + problem);
        });
        Format[] formats = Format.values();
        Set<Format> present = EnumSet.noneOf(Format.class);
        Arrays.stream(formats).filter(f -> Files.isRegularFile(output.resolve(corrections.article() + "." + f.extension())))
                .forEach(present::add);
        Path json = output.resolve(corrections.article() + "." + Format.JSON.extension());
        if (!present.contains(Format.JSON)) {
            throw new ReviewException(json, "not found: review apply rewrites an article from its JSON file (run "
                    + "with --formats including json, and give --output the run's output folder)");
        }
        BilingualDocument document;
        try {
            document = ArticleJsonReader.read(json);
        } catch (ArticleReadException e) {
            throw new ReviewException(e.file(), e.getMessage().substring(e.file().toString().length() + 2), e);
        }
        ReviewApplier.Applied applied = ReviewApplier.apply(document, corrections);
        OutputFolder folder = new OutputFolder(output, present);
        List<Path> written = folder.write(applied.document());
        return new Result(applied, written, folder.writeIndex());
    }
}
