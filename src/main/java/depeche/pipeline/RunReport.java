package depeche.pipeline;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import depeche.document.ModelInfo;
import depeche.io.AtomicFiles;
import depeche.memory.MemoryUse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a batch run did, article by article: {@code run-report.json} in the output folder, written atomically.
 *
 * @param format    identifies the file ({@code depeche-run-report/1})
 * @param warnings  about the run as a whole, e.g. config keys of a model folder that depeche ignores, or a
 *                  translation memory that could not be used
 * @param errors    what went wrong with the run as a whole: it was interrupted, index.html could not be written;
 *                  any makes the exit code 1 (or the signal's)
 * @param memory    what the translation memory served, in total; absent when the run had none
 * @param articles  one entry per article met (read, skipped or failed), in input order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(
        String format,
        String toolVersion,
        String started,
        String finished,
        double seconds,
        String input,
        String output,
        List<ModelInfo> models,
        Map<String, String> settings,
        List<String> warnings,
        List<String> errors,
        Counts counts,
        Memory memory,
        List<ArticleReport> articles) {

    public static final String FILE_NAME = "run-report.json";
    public static final String FORMAT = "depeche-run-report/1";
    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** How the articles ended. */
    public enum Status {
        @JsonProperty("translated") TRANSLATED,
        @JsonProperty("skipped") SKIPPED,
        @JsonProperty("failed") FAILED
    }

    public record Counts(int articles, int translated, int skipped, int failed) {
        public static Counts of(List<ArticleReport> articles) {
            return new Counts(articles.size(),
                    (int) articles.stream().filter(a -> a.status() == Status.TRANSLATED).count(),
                    (int) articles.stream().filter(a -> a.status() == Status.SKIPPED).count(),
                    (int) articles.stream().filter(a -> a.status() == Status.FAILED).count());
        }
    }

    /**
     * The translation memory's part in the run: sentences served from it, and the share of all sentences that did
     * not need the model.
     *
     * @param file     the memory file
     * @param hits     machine translations reused
     * @param misses   sentences the model translated
     * @param reviewed reviewers' translations used in place of the model's
     * @param hitRate  (hits + reviewed) / sentences, 0 when there were none
     */
    public record Memory(String file, int hits, int misses, int reviewed, double hitRate) {
        static Memory of(String file, List<ArticleReport> articles) {
            MemoryUse use = MemoryUse.sum(articles.stream().map(ArticleReport::memory)
                    .filter(java.util.Objects::nonNull));
            return new Memory(file, use.hits(), use.misses(), use.reviewed(), use.hitRate());
        }
    }

    /**
     * One article's outcome.
     *
     * @param id             the article id (for an unreadable file: its name without extension)
     * @param source         the file it came from, with {@code :line} for a .jsonl record
     * @param sentences      source sentences, headline included
     * @param splitSentences sentences too long for the model, translated in parts
     * @param memory         how the translation memory served its sentences (hits, misses: translated by the model,
     *                       reviewed); absent without a memory, or when the article ended before translation
     * @param outputs        the files written
     * @param seconds        time per step; batched steps are shared out by each article's share of the tokens
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ArticleReport(String id, String source, Status status, int paragraphs, int sentences,
                                int splitSentences, MemoryUse memory, List<String> outputs, Map<String, Double> seconds,
                                List<String> warnings, List<String> errors) {
    }

    /** Whether every article succeeded (or was skipped) and nothing went wrong with the run as a whole. */
    public boolean allSucceeded() {
        return counts.failed() == 0 && errors.isEmpty();
    }

    /** Writes {@link #FILE_NAME} into {@code folder}, atomically. */
    public void write(Path folder) throws IOException {
        AtomicFiles.write(folder.resolve(FILE_NAME), out -> JSON.writeValue(out, this));
    }
}
