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
 * @param paragraphs the body, in order, as plain text: one per {@link #blocks() block}, its {@link Block#text()};
 *                   never empty, no blank paragraph
 * @param source     the file it was read from
 * @param url        where it was published, when the source says so
 * @param date       publication date as the source gives it (not parsed)
 * @param warnings   problems met while reading that did not stop it, e.g. a guessed encoding
 * @param blocks     the body as read: prose, code (never translated) and tables (translated cell by cell)
 */
public record Article(
        String id,
        String title,
        List<String> paragraphs,
        Path source,
        Optional<String> url,
        Optional<String> date,
        List<String> warnings,
        List<Block> blocks) {

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
        blocks = List.copyOf(blocks);
        if (!blocks.stream().map(Block::text).toList().equals(paragraphs)) {
            throw new IllegalArgumentException("article " + id + ": its paragraphs are not the text of its blocks");
        }
    }

    /** An article whose body is all prose, one block per paragraph. */
    public Article(String id, String title, List<String> paragraphs, Path source, Optional<String> url,
                   Optional<String> date, List<String> warnings) {
        this(id, title, paragraphs, source, url, date, warnings,
                paragraphs.stream().map(p -> (Block) new Block.Prose(p)).toList());
    }

    /** An article without url, date or warnings, all prose. */
    public Article(String id, String title, List<String> paragraphs, Path source) {
        this(id, title, paragraphs, source, Optional.empty(), Optional.empty(), List.of());
    }

    /** An article whose body is {@code blocks}. */
    public static Article of(String id, String title, List<Block> blocks, Path source, Optional<String> url,
                             Optional<String> date, List<String> warnings) {
        return new Article(id, title, blocks.stream().map(Block::text).toList(), source, url, date, warnings, blocks);
    }
}
