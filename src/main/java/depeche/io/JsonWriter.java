package depeche.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Block;
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
                    document.paragraphs().stream().map(ParagraphJson::of).toList(),
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

    /**
     * One block of the body. {@code kind} is {@code prose}, {@code code} or {@code table}; {@code sentences} are a
     * paragraph's sentences, a table's cells with text row by row (numbered as the review page numbers them), none
     * for code. Code has {@code code} (unchanged, never translated) and {@code language} when its source names one;
     * a table has {@code table}.
     */
    record ParagraphJson(String kind, List<SentenceJson> sentences, String code, String language, TableJson table) {
        static ParagraphJson of(AlignedParagraph paragraph) {
            List<SentenceJson> sentences = paragraph.sentences().stream().map(SentenceJson::of).toList();
            if (paragraph.block() instanceof Block.Code code) {
                return new ParagraphJson(CODE, sentences, code.text(),
                        code.language().isEmpty() ? null : code.language(), null);
            }
            if (paragraph.block() instanceof Block.Table) {
                return new ParagraphJson(TABLE, sentences, null, null, TableJson.of(paragraph));
            }
            return new ParagraphJson(PROSE, sentences, null, null, null);
        }
    }

    static final String PROSE = "prose";
    static final String CODE = "code";
    static final String TABLE = "table";

    /**
     * A table's shape and text: its header rows, each column's alignment ({@code none}, {@code left},
     * {@code center}, {@code right}), and its cells row by row in French and in English ({@code ""} when blank).
     */
    record TableJson(int headerRows, List<String> alignments, List<List<String>> fr, List<List<String>> en) {
        static TableJson of(AlignedParagraph paragraph) {
            Block.Table table = (Block.Table) paragraph.block();
            return new TableJson(table.headerRows(),
                    table.alignments().stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList(), table.rows(),
                    paragraph.cells().stream().map(row -> row.stream()
                            .map(cell -> cell.map(SentencePair::target).orElse("")).toList()).toList());
        }
    }

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
