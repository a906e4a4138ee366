package depeche.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Flag;
import depeche.document.ModelInfo;
import depeche.document.SentencePair;
import depeche.document.Summary;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code <id>.json}: everything about the translated article, structured. The records below are
 * the file's schema; absent values are left out. French is {@code fr}, English {@code en}.
 */
final class JsonWriter {

    /** Names this schema, so readers can tell article files from other JSON (the run report). */
    static final String FORMAT = "depeche-article/1";

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE) // as the run report
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private JsonWriter() {}

    static void write(BilingualDocument document, OutputStream out) throws IOException {
        MAPPER.writeValue(out, ArticleJson.of(document));
    }

    record ArticleJson(
            String format,
            String id,
            SourceJson source,
            TextJson title,
            SummaryJson summary,
            List<ParagraphJson> paragraphs,
            List<ModelInfo> models,
            Map<String, String> settings,
            Map<String, Long> timingsMs,
            String toolVersion,
            List<String> warnings) {

        static ArticleJson of(BilingualDocument document) {
            Article article = document.article();
            Map<String, Long> timings = new LinkedHashMap<>();
            document.run().timings().forEach((step, duration) -> timings.put(step, duration.toMillis()));
            return new ArticleJson(
                    FORMAT,
                    article.id(),
                    new SourceJson(article.source().toString(), article.url().orElse(null), article.date().orElse(null)),
                    new TextJson(article.title(), document.translatedTitle()),
                    document.summary().map(SummaryJson::of).orElse(null),
                    document.paragraphs().stream()
                            .map(p -> new ParagraphJson(p.sentences().stream().map(SentenceJson::of).toList()))
                            .toList(),
                    document.run().models(),
                    document.run().settings(),
                    timings,
                    document.run().toolVersion(),
                    document.allWarnings());
        }
    }

    record SourceJson(String file, String url, String date) {}

    record TextJson(String fr, String en) {}

    record SummaryJson(String method, String model, String fr, String en) {
        static SummaryJson of(Summary summary) {
            return new SummaryJson(summary.method().name().toLowerCase(Locale.ROOT), summary.model().orElse(null),
                    summary.french().orElse(null), summary.english());
        }
    }

    record ParagraphJson(List<SentenceJson> sentences) {}

    /**
     * {@code confidence} is the model's length-normalised log-probability (comparable only between outputs of one
     * model), left out when the search computed none; {@code warnings} is left out when there are none;
     * {@code flags} (quality checks, most severe first) is always there; {@code origin} is {@code machine} or
     * {@code reviewed} (a person's correction).
     */
    record SentenceJson(String fr, String en, Double confidence, List<String> warnings, List<FlagJson> flags,
                        String origin) {
        static SentenceJson of(SentencePair pair) {
            return new SentenceJson(pair.source(), pair.target(),
                    pair.confidence().isPresent() ? pair.confidence().getAsDouble() : null,
                    pair.warnings().isEmpty() ? null : pair.warnings(),
                    pair.flags().stream().map(FlagJson::of).toList(),
                    pair.origin().name().toLowerCase(Locale.ROOT));
        }
    }

    /** A quality flag: {@code severity} is {@code info}, {@code warning} or {@code error}. */
    record FlagJson(String code, String severity, String reason) {
        static FlagJson of(Flag flag) {
            return new FlagJson(flag.code(), flag.severity().name().toLowerCase(Locale.ROOT), flag.reason());
        }
    }
}
