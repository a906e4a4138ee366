package depeche.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code depeche run} from an input folder to an output folder with the tiny fixture translation model, offline:
 * greedy, short outputs and extractive summaries unless a run says otherwise.
 */
public final class BatchRun {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path models;
    private Path input;
    private Path output;

    /** Folders {@code in} and {@code out} under {@code tmp} (the input folder is created). */
    public BatchRun(Path tmp) {
        this(tmp, tmp.resolve("in"), tmp.resolve("out"));
    }

    public BatchRun(Path tmp, Path input, Path output) {
        this.models = tmp.resolve("no-models");
        this.input = input;
        this.output = output;
        try {
            Files.createDirectories(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path input() {
        return input;
    }

    public Path output() {
        return output;
    }

    /** Runs into another output folder from now on. */
    public BatchRun to(Path newOutput) {
        output = newOutput;
        return this;
    }

    /** Reads from another input folder from now on. */
    public BatchRun from(Path newInput) {
        input = newInput;
        return this;
    }

    /** A run with the fixture model and exactly the options given. */
    public Cli.Result runAsGiven(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", "--input", input.toString(), "--output", output.toString(),
                "--translation-model", Fixtures.dir(Fixtures.MARIAN).toString(), "--offline",
                "--models", models.toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Greedy, short outputs, extractive summaries, unless {@code extra} says otherwise. */
    public Cli.Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of(extra));
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("--beams", "1");
        defaults.put("--max-length", "12");
        defaults.put("--summarizer", "extractive");
        defaults.forEach((option, value) -> {
            if (!args.contains(option)) {
                args.addAll(List.of(option, value));
            }
        });
        return runAsGiven(args.toArray(String[]::new));
    }

    /** The run report of the output folder. */
    public JsonNode report() {
        try {
            return JSON.readTree(output.resolve("run-report.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's articles by id (the last entry wins for ids reported twice). */
    public Map<String, JsonNode> reportedArticles() {
        Map<String, JsonNode> articles = new LinkedHashMap<>();
        report().get("articles").forEach(a -> articles.put(a.get("id").asText(), a));
        return articles;
    }
}
