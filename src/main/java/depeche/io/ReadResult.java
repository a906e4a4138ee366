package depeche.io;

import depeche.document.Article;
import java.nio.file.Path;
import java.util.List;

/**
 * What one file gave: its articles, and the problems that lost some of them. Only a
 * {@code .jsonl} file has several articles, and only it can have both: a bad line is reported and
 * the good lines are still read.
 *
 * @param file     the file read
 * @param articles the articles read, in file order
 * @param errors   one per article that could not be read (a bad {@code .jsonl} line), in file order
 */
public record ReadResult(Path file, List<Article> articles, List<ArticleReadException> errors) {

    public ReadResult {
        articles = List.copyOf(articles);
        errors = List.copyOf(errors);
    }
}
