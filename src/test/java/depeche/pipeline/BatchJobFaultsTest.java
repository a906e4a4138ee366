package depeche.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.Outcome;
import depeche.document.Summary;
import depeche.inference.Batcher;
import depeche.inference.LoadedModel;
import depeche.io.ArticleReaders;
import depeche.io.Format;
import depeche.io.ReadResult;
import depeche.pipeline.RunReport.ArticleReport;
import depeche.summarize.ExtractiveSummarizer;
import depeche.summarize.Summarizer;
import depeche.testing.Fixtures;
import depeche.testing.GenerationOverrides;
import depeche.translate.Translator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults no known input causes, in the reader, the planner and the summarizer (a stack overflow, an allocation too
 * large, absurd output), cost only their article. The reader and the planner are replaced through the job's test
 * seam; the summarizer through its interface. Real inputs that fail are in {@code depeche.cli.RunIsolationTest}.
 */
class BatchJobFaultsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LoadedModel model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void load() {
        model = LoadedModel.load(Fixtures.dir(Fixtures.MARIAN));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    /** The extractive summarizer, except for bodies that make it recurse without end or give two summaries. */
    private static final class FaultySummarizer implements Summarizer {
        private final ExtractiveSummarizer real = new ExtractiveSummarizer();

        @Override
        public String label() {
            return real.label();
        }

        @Override
        public Map<String, String> settings() {
            return real.settings();
        }

        @Override
        public List<LoadedModel> models() {
            return List.of();
        }

        @Override
        public List<Outcome<Summary>> summarizeAll(List<List<AlignedParagraph>> bodies, IntConsumer progress) {
            List<Outcome<Summary>> summaries = new ArrayList<>(real.summarizeAll(bodies, progress));
            for (List<AlignedParagraph> body : bodies) {
                String french = body.stream().map(AlignedParagraph::source).collect(Collectors.joining(" "));
                if (french.contains("récursion")) {
                    ArticleFaultsTest.recurse(0);
                }
                if (french.contains("absurde")) {
                    summaries.add(summaries.get(0)); // one summary too many
                }
            }
            return summaries;
        }
    }

    private RunReport run(Path input, Path output, StringWriter err) throws IOException {
        Translator translator = new Translator(model, GenerationOverrides.apply(model.generationDefaults(),
                JSON.readTree("{\"num_beams\": 1, \"max_length\": 12}")), Batcher.forGeneration(), 256);
        ArticleProcessor processor = new ArticleProcessor(translator, Optional.of(new FaultySummarizer()), "test",
                done -> { });
        Function<Path, ReadResult> reader = file -> {
            if (file.getFileName().toString().equals("lecteur.txt")) {
                ArticleFaultsTest.recurse(0);
            }
            return ArticleReaders.read(file);
        };
        Function<Article, ArticlePlan> planner = article -> {
            if (article.id().equals("plan")) {
                ArticleFaultsTest.allocateTooMuch();
            }
            return processor.plan(article);
        };
        BatchJob job = new BatchJob(new BatchJob.Settings(input, output, Set.of(Format.JSON, Format.HTML), false),
                processor, new Progress(new PrintWriter(err, true), null), reader, planner);
        return job.run();
    }

    @Test
    void aStackOverflowOrAnAllocationTooLargeAnywhereCostsOnlyItsArticle() throws IOException {
        Path input = Files.createDirectories(tmp.resolve("in"));
        Path output = tmp.resolve("out");
        for (String name : List.of("a-bon", "lecteur", "plan", "resume", "z-bon")) {
            Files.writeString(input.resolve(name + ".txt"), "Un titre\nBonjour tout le monde. Il fait beau.");
        }
        Files.writeString(input.resolve("resume.txt"), "Un titre\nUne récursion sans fin. Il fait beau.");
        Files.writeString(input.resolve("absurde.txt"), "Un titre\nUn résumé absurde. Il fait beau.");
        StringWriter err = new StringWriter();

        RunReport report = run(input, output, err);

        Map<String, ArticleReport> articles = report.articles().stream()
                .collect(Collectors.toMap(ArticleReport::id, a -> a));
        assertThat(articles.get("lecteur").errors()).containsExactly(input.resolve("lecteur.txt")
                + ": cannot be read: StackOverflowError: too deep a recursion");
        assertThat(articles.get("plan").errors())
                .containsExactly("planning failed: OutOfMemoryError: Requested array size exceeds VM limit");
        assertThat(articles.get("resume").status()).isEqualTo(RunReport.Status.TRANSLATED);
        assertThat(articles.get("resume").warnings()).contains("no summary: StackOverflowError: too deep a recursion");
        assertThat(articles.get("absurde").warnings()).contains("no summary: the summarizer gave 2 summaries for "
                + "one article");
        for (String good : List.of("a-bon", "z-bon")) {
            assertThat(articles.get(good).status()).as(good).isEqualTo(RunReport.Status.TRANSLATED);
            assertThat(articles.get(good).warnings()).as(good).noneMatch(w -> w.startsWith("no summary"));
            JsonNode json = JSON.readTree(output.resolve(good + ".json").toFile());
            assertThat(json.at("/summary/method").asText()).as("summarized though a neighbour was not")
                    .isEqualTo("extractive");
        }
        assertThat(report.counts()).isEqualTo(new RunReport.Counts(6, 4, 0, 2));
        assertThat(JSON.readTree(output.resolve("run-report.json").toFile()).at("/counts/failed").asInt()).isEqualTo(2);
        assertThat(err.toString()).contains("lecteur.txt: cannot be read: StackOverflowError",
                "plan.txt: planning failed: OutOfMemoryError");
    }
}
