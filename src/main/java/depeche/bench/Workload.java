package depeche.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Source token ids to generate from, each with the number of tokens to generate: one JSON object a line,
 * {@code {"ids": [...], "min_new_tokens": L, "max_new_tokens": L}} (optionally {@code "article"}), the format of
 * the shared speed workloads that HF's own {@code generate()} is timed on. Output lengths are forced, so both sides
 * do the same work whatever the weights.
 *
 * <p>A file that is not such a workload gives an {@link IllegalArgumentException} whose one-line message names it.
 *
 * @param name      what the workload is called in reports: {@code seed}, {@code nightly} or the file name
 * @param sentences in file order
 */
public record Workload(String name, List<Sentence> sentences) {
    /** The workload built in: the 15 sentences of the seed article (620 target tokens). */
    public static final String SEED = "seed";
    /** The workload built in: a night of 20 seed-shaped articles, 300 sentences with distinct ids. */
    public static final String NIGHTLY = "nightly";
    /**
     * The workload built in for the summarizer's shape ({@link ModelShape#DISTILBART_CNN}): 3 articles of 600
     * source ids (bos, random ids in [3, 50000), eos), 60 new tokens each.
     */
    public static final String SUMMARY = "summary";

    /**
     * One sentence of the workload.
     *
     * @param ids       source ids, eos last, no padding
     * @param newTokens how many tokens to generate for it (eos included)
     */
    public record Sentence(long[] ids, int newTokens) {
    }

    /** The built-in workload {@code seed}, {@code nightly} or {@code summary}, or a JSONL file. */
    public static Workload named(String nameOrFile) {
        return switch (nameOrFile) {
            case SEED -> builtIn(SEED, "workload-seed15.jsonl");
            case NIGHTLY -> builtIn(NIGHTLY, "workload-nightly300.jsonl");
            case SUMMARY -> builtIn(SUMMARY, "workload-summary600.jsonl");
            default -> file(Path.of(nameOrFile));
        };
    }

    private static Workload builtIn(String name, String resource) {
        try (InputStream in = Workload.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the built-in workload " + resource + " is missing from the jar");
            }
            return parse(name, Path.of(resource), in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Workload file(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.getFileName().toString(), file, in);
        } catch (IOException e) {
            throw problem(file, "cannot read: " + e.getMessage());
        }
    }

    private static Workload parse(String name, Path file, InputStream in) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Sentence> sentences = new ArrayList<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            sentences.add(sentence(file, number, json, line));
        }
        if (sentences.isEmpty()) {
            throw problem(file, "the workload has no sentences");
        }
        return new Workload(name, List.copyOf(sentences));
    }

    private static Sentence sentence(Path file, int number, ObjectMapper json, String line) {
        String where = "line " + number + ": ";
        JsonNode n;
        try {
            n = json.readTree(line);
        } catch (IOException e) {
            throw problem(file, where + "not JSON");
        }
        JsonNode ids = n.path("ids");
        JsonNode newTokens = n.path("max_new_tokens");
        if (!ids.isArray() || ids.isEmpty() || !newTokens.canConvertToInt() || newTokens.asInt() < 1) {
            throw problem(file, where + "needs \"ids\" (a non-empty array) and \"max_new_tokens\" (≥ 1)");
        }
        if (n.has("min_new_tokens") && n.get("min_new_tokens").asInt() != newTokens.asInt()) {
            throw problem(file, where + "min_new_tokens must equal max_new_tokens (forced lengths)");
        }
        long[] values = new long[ids.size()];
        for (int i = 0; i < values.length; i++) {
            if (!ids.get(i).canConvertToLong()) {
                throw problem(file, where + "ids must be integers");
            }
            values[i] = ids.get(i).asLong();
        }
        return new Sentence(values, newTokens.asInt());
    }

    private static IllegalArgumentException problem(Path file, String problem) {
        return new IllegalArgumentException(file + ": " + problem);
    }

    /** The tokens the workload asks for, whatever the batching: what throughput is counted in. */
    public int targetTokens() {
        return sentences.stream().mapToInt(Sentence::newTokens).sum();
    }

    /** The same sentences asking for at most {@code newTokens} tokens each: a cheap warm-up of every shape. */
    public Workload capped(int newTokens) {
        return new Workload(name, sentences.stream()
                .map(s -> new Sentence(s.ids(), Math.min(newTokens, s.newTokens()))).toList());
    }
}
