package depeche.io;

import depeche.document.Article;
import depeche.text.FrenchNormalizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** A {@code .txt} article: the first non-blank line is the headline, the rest the body ({@link Paragraphs}). */
final class TxtArticleReader {
    private TxtArticleReader() {}

    static Article read(Path file, String id, DecodedText decoded) {
        List<String> lines = decoded.text().lines().toList();
        int headline = 0;
        while (headline < lines.size() && FrenchNormalizer.clean(lines.get(headline)).isEmpty()) {
            headline++;
        }
        if (headline == lines.size()) {
            throw new ArticleReadException(file, "empty file");
        }
        List<String> paragraphs = Paragraphs.split(String.join("\n", lines.subList(headline + 1, lines.size())));
        if (paragraphs.isEmpty()) {
            throw new ArticleReadException(file, "no text after the headline (line " + (headline + 1) + ")");
        }
        return new Article(id, FrenchNormalizer.clean(lines.get(headline)), paragraphs, file,
                Optional.empty(), Optional.empty(), decoded.warnings());
    }
}
