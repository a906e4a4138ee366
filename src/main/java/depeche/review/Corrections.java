package depeche.review;

import depeche.document.ModelInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A reviewer's corrections of one article, whatever file they came in.
 *
 * @param file    where they were read from (for messages)
 * @param article the article id
 * @param models  the models of the outputs the reviewer saw, when the file says; empty otherwise
 * @param changes one per sentence the reviewer touched, in the file's order
 */
public record Corrections(Path file, String article, List<ModelInfo> models, List<Correction> changes) {
    public Corrections {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(article, "article");
        models = List.copyOf(models);
        changes = List.copyOf(changes);
    }
}
