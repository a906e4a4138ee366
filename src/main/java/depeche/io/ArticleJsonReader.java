package depeche.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Block;
import depeche.document.Flag;
import depeche.document.Origin;
import depeche.document.RunInfo;
import depeche.document.SentencePair;
import depeche.document.Summary;
import depeche.document.TokenIds;
import depeche.folder.ModelFiles;
import depeche.io.JsonWriter.ArticleJson;
import depeche.io.JsonWriter.FlagJson;
import depeche.io.JsonWriter.SentenceJson;
import depeche.text.OneLine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads an article's {@code <id>.json} (the {@link JsonWriter}'s schema) back into the {@link BilingualDocument}
 * it was written from, so that the other files of the article can be written again (after a review, say).
 * What the file does not hold comes back empty: token ids, and which warnings were the reader's rather than the
 * document's (all of them are the document's then; the files show them the same). Writing what was read gives
 * the same files.
 */
public final class ArticleJsonReader {
    /** A reviewer's export or a JSON file is small; a file past this is not one of ours. */
    static final long MAX_FILE_BYTES = 64_000_000;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES); // later versions may add fields

    private ArticleJsonReader() {}

    /**
     * The document of {@code file}.
     *
     * @throws ArticleReadException naming the file and the problem, in one line
     */
    public static BilingualDocument read(Path file) {
        ArticleJson json;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new ArticleReadException(file, "is larger than any article file (" + MAX_FILE_BYTES + " bytes)");
            }
            json = MAPPER.readValue(file.toFile(), ArticleJson.class);
        } catch (NoSuchFileException e) {
            throw new ArticleReadException(file, "file not found", e);
        } catch (JsonProcessingException e) {
            throw new ArticleReadException(file, ModelFiles.invalidJson(e), e);
        } catch (IOException e) {
            throw new ArticleReadException(file, "cannot read: " + OneLine.of(e), e);
        }
        if (json == null || !JsonWriter.FORMAT.equals(json.format())) {
            throw new ArticleReadException(file, "not a depeche article file (its \"format\" is not \""
                    + JsonWriter.FORMAT + "\")");
        }
        try {
            return document(json);
        } catch (RuntimeException e) {
            throw new ArticleReadException(file, "not a valid article: " + OneLine.of(e), e);
        }
    }

    private static BilingualDocument document(ArticleJson json) {
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        for (JsonWriter.ParagraphJson paragraph : required(json.paragraphs(), "paragraphs")) {
            paragraphs.add(paragraph(paragraph));
        }
        JsonWriter.SourceJson source = required(json.source(), "source");
        Article article = Article.of(json.id(), required(json.title(), "title").fr(),
                paragraphs.stream().map(AlignedParagraph::block).toList(), Path.of(required(source.file(), "file")),
                Optional.ofNullable(source.url()), Optional.ofNullable(source.date()), List.of());

        // The file's warnings are the document's, the summary's ("summary: …") and the sentences' (which the
        // sentences hold again); only the first two are kept apart, the last are made again from the sentences.
        Set<String> fromSentences = new HashSet<>(BilingualDocument.sentenceWarnings(paragraphs));
        List<String> documentWarnings = new ArrayList<>();
        List<String> summaryWarnings = new ArrayList<>();
        for (String warning : orEmpty(json.warnings())) {
            if (fromSentences.contains(warning)) {
                continue;
            }
            if (json.summary() != null && warning.startsWith("summary: ")) {
                summaryWarnings.add(warning.substring("summary: ".length()));
            } else {
                documentWarnings.add(warning);
            }
        }
        Map<String, Duration> timings = new LinkedHashMap<>();
        orEmpty(json.timingsMs()).forEach((step, ms) -> timings.put(step, Duration.ofMillis(ms)));
        RunInfo run = new RunInfo(json.toolVersion(), orEmpty(json.models()), orEmpty(json.settings()), timings);
        return new BilingualDocument(article, json.title().en(), paragraphs,
                Optional.ofNullable(json.summary()).map(s -> summary(s, summaryWarnings)), run, documentWarnings);
    }

    /** A block of the body; a paragraph without {@code kind} (written before there were kinds) is prose. */
    private static AlignedParagraph paragraph(JsonWriter.ParagraphJson json) {
        List<SentencePair> sentences = required(json.sentences(), "sentences").stream().map(ArticleJsonReader::pair)
                .toList();
        String kind = json.kind() == null ? JsonWriter.PROSE : json.kind();
        return switch (kind) {
            case JsonWriter.PROSE -> new AlignedParagraph(sentences);
            case JsonWriter.CODE -> new AlignedParagraph(sentences,
                    new Block.Code(required(json.code(), "code"), json.language() == null ? "" : json.language()));
            case JsonWriter.TABLE -> new AlignedParagraph(sentences, table(required(json.table(), "table")));
            default -> throw new IllegalArgumentException("unknown paragraph kind \"" + kind + "\"");
        };
    }

    private static Block.Table table(JsonWriter.TableJson json) {
        return new Block.Table(required(json.fr(), "fr"), json.headerRows(), required(json.alignments(), "alignments")
                .stream().map(a -> Block.Table.Alignment.valueOf(a.toUpperCase(Locale.ROOT))).toList());
    }

    private static SentencePair pair(SentenceJson json) {
        return new SentencePair(json.fr(), required(json.en(), "en"), TokenIds.NONE,
                json.confidence() == null ? OptionalDouble.empty() : OptionalDouble.of(json.confidence()),
                orEmpty(json.warnings()), orEmpty(json.flags()).stream().map(ArticleJsonReader::flag).toList(),
                json.origin() == null ? Origin.MACHINE : Origin.valueOf(json.origin().toUpperCase(Locale.ROOT)));
    }

    private static Flag flag(FlagJson json) {
        return new Flag(json.code(), Flag.Severity.valueOf(required(json.severity(), "severity").toUpperCase(Locale.ROOT)),
                json.reason());
    }

    private static Summary summary(JsonWriter.SummaryJson json, List<String> warnings) {
        Summary.Method method = Summary.Method.valueOf(required(json.method(), "method").toUpperCase(Locale.ROOT));
        return new Summary(method, json.en(), Optional.ofNullable(json.fr()), Optional.ofNullable(json.model()),
                TokenIds.NONE, warnings);
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new IllegalArgumentException("\"" + field + "\" is missing");
        }
        return value;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> map) {
        return map == null ? Map.of() : map;
    }
}
