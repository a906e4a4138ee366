package depeche.document;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One French news article as read from its source, before translation.
 *
 * @param id         names the output files; see {@link ArticleId}
 * @param title      the headline, as the files show it
 * @param paragraphs the body, in order; never empty, no blank paragraph
 * @param source     the file it was read from
 * @param url        where it was published, when the source says so
 * @param date       publication date as the source gives it (not parsed)
 * @param warnings   problems met while reading that did not stop it, e.g. a guessed encoding
 */
public record Article(
        String id,
        String title,
        List<String> paragraphs,
        Path source,
        Optional<String> url,
        Optional<String> date,
        List<String> warnings) {

    public Article {
        ArticleId.requireValid(id);
        Texts.requireNonBlank(title, "title");
        paragraphs = List.copyOf(paragraphs);
        if (paragraphs.isEmpty()) {
            throw new IllegalArgumentException("article " + id + " has no paragraphs");
        }
        paragraphs.forEach(p -> Texts.requireNonBlank(p, "paragraph"));
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(date, "date");
        warnings = List.copyOf(warnings);
    }

    /** An article without url, date or warnings. */
    public Article(String id, String title, List<String> paragraphs, Path source) {
        this(id, title, paragraphs, source, Optional.empty(), Optional.empty(), List.of());
    }
}
