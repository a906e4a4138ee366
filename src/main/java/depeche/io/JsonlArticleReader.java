package depeche.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.Article;
import depeche.document.ArticleId;
import depeche.text.FrenchNormalizer;
import depeche.text.OneLine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@code .jsonl} file: one article per line, a JSON object with {@code id}, {@code title},
 * {@code text} (paragraphs as in a {@code .txt} body) and optional {@code url} and {@code date}.
 * Blank lines are skipped; other fields are ignored. A bad line is reported with its number and the
 * other lines are still read. Ids must be unique, ignoring case (output files of "A" and "a" would
 * collide on case-insensitive file systems); the first line with an id keeps it.
 */
final class JsonlArticleReader {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private JsonlArticleReader() {}

    static ReadResult read(Path file, DecodedText decoded) {
        List<Article> articles = new ArrayList<>();
        List<ArticleReadException> errors = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        List<String> lines = decoded.text().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            int lineNumber = i + 1;
            try {
                Article article = parse(file, lineNumber, lines.get(i), decoded.warnings());
                Integer first = lineOfId.putIfAbsent(article.id().toLowerCase(Locale.ROOT), lineNumber);
                if (first != null) {
                    throw new ArticleReadException(file, lineNumber,
                            "duplicate id '" + article.id() + "' (first used on line " + first + ")");
                }
                articles.add(article);
            } catch (ArticleReadException e) {
                errors.add(e);
            }
        }
        if (articles.isEmpty() && errors.isEmpty()) {
            throw new ArticleReadException(file, "empty file");
        }
        return new ReadResult(file, articles, errors);
    }

    private static Article parse(Path file, int line, String json, List<String> warnings) {
        JsonNode record;
        try {
            record = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            // Each line is parsed alone, so Jackson's "line 1" is this line.
            String problem = OneLine.of(e.getOriginalMessage()).replace("line 1, column ", "column ");
            throw new ArticleReadException(file, line, "not valid JSON" + at + ": " + problem);
        }
        if (!record.isObject()) {
            throw new ArticleReadException(file, line, "expected a JSON object, found " + record.getNodeType());
        }
        return article(file, line, field -> optional(file, line, record, field), warnings);
    }

    /**
     * The article of one record whose fields {@code field} gives (empty when absent or blank; it may refuse a
     * field of the wrong type), checked field by field in the order a reader meets them.
     */
    static Article article(Path file, int line, Function<String, Optional<String>> field, List<String> warnings) {
        String id = required(file, line, field, "id");
        ArticleId.problem(id).ifPresent(problem -> {
            throw new ArticleReadException(file, line, problem);
        });
        String title = FrenchNormalizer.clean(required(file, line, field, "title"));
        if (title.isEmpty()) {
            throw new ArticleReadException(file, line, "field 'title' is blank");
        }
        List<String> paragraphs = Paragraphs.split(required(file, line, field, "text"));
        if (paragraphs.isEmpty()) {
            throw new ArticleReadException(file, line, "field 'text' is blank");
        }
        ReadLimits.checkTexts(file, line, title, paragraphs);
        return new Article(id, title, paragraphs, file, field.apply("url"), field.apply("date"), warnings);
    }

    private static String required(Path file, int line, Function<String, Optional<String>> fields, String field) {
        return fields.apply(field)
                .orElseThrow(() -> new ArticleReadException(file, line, "missing field '" + field + "'"));
    }

    private static Optional<String> optional(Path file, int line, JsonNode record, String field) {
        JsonNode value = record.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw new ArticleReadException(file, line,
                    "field '" + field + "' must be a string, found " + value.getNodeType());
        }
        return Optional.of(value.textValue()).filter(text -> !text.isBlank());
    }
}
