package depeche.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.generate.GenerationConfig;
import depeche.generate.Generator;
import depeche.generate.Hypothesis;
import depeche.model.ModelConfig;
import depeche.testing.GenerationOverrides;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The seed-article workload (src/test/resources/bench): source ids of realistic lengths, each sentence meant to
 * generate exactly as many target tokens as its source has.
 *
 * <p>HF's {@code generate()} takes one {@code min_new_tokens}/{@code max_new_tokens} per call, not one per row,
 * and so does depeche. A call of several sentences therefore asks for at least the shortest and at most the
 * longest of their lengths; on random weights eos almost never wins, so every row runs to the longest. Those
 * extra tokens are the price of padding a batch: they count as work, not as output. Throughput is always
 * {@link #targetTokens()} (620 for the seed article) over the time taken, so 1 and 8 sentences per call compare
 * directly; the tokens actually generated are reported beside it.
 */
record Workload(List<Sentence> sentences) {
    record Sentence(long[] ids, int newTokens) {
    }

    /** What one pass produced. {@code idsChecksum} lets two variants prove they generated the same ids. */
    record Pass(long generatedTokens, long idsChecksum) {
    }

    static Workload seedArticle() throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                Workload.class.getResourceAsStream("/bench/workload-seed15.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = json.readTree(line);
                long[] ids = new long[n.get("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = n.get("ids").get(i).asLong();
                }
                sentences.add(new Sentence(ids, n.get("max_new_tokens").asInt()));
            }
        }
        return new Workload(sentences);
    }

    /** The same sentences asking for at most {@code newTokens} tokens each: a cheap warm-up of every shape. */
    Workload capped(int newTokens) {
        return new Workload(sentences.stream()
                .map(s -> new Sentence(s.ids(), Math.min(newTokens, s.newTokens()))).toList());
    }

    /** The tokens the workload asks for, whatever the batching. */
    int targetTokens() {
        return sentences.stream().mapToInt(Sentence::newTokens).sum();
    }

    /** The calls of a pass: the sentences {@code perCall} at a time, in article order. */
    List<List<Sentence>> calls(int perCall) {
        List<List<Sentence>> calls = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i += perCall) {
            calls.add(sentences.subList(i, Math.min(sentences.size(), i + perCall)));
        }
        return calls;
    }

    /** One pass: every sentence, {@code perCall} at a time. */
    Pass run(Generator generator, GenerationConfig base, ModelConfig model, int perCall) {
        long generated = 0;
        long checksum = 0;
        for (List<Sentence> call : calls(perCall)) {
            Pass pass = generate(generator, base, model, call);
            generated += pass.generatedTokens();
            checksum = checksum * 31 + pass.idsChecksum();
        }
        return new Pass(generated, checksum);
    }

    /** One {@code generate()} call on {@code call}, asking for the shortest to the longest of their lengths. */
    static Pass generate(Generator generator, GenerationConfig base, ModelConfig model, List<Sentence> call) {
        int longest = call.stream().mapToInt(Sentence::newTokens).max().orElseThrow();
        int shortest = call.stream().mapToInt(Sentence::newTokens).min().orElseThrow();
        GenerationConfig settings = GenerationOverrides.apply(base, new ObjectMapper().createObjectNode()
                .put("max_new_tokens", longest).put("min_new_tokens", shortest));
        List<List<Hypothesis>> out = generator.generate(call.stream().map(Sentence::ids).toArray(long[][]::new),
                settings);
        long generated = 0;
        CRC32 checksum = new CRC32();
        for (List<Hypothesis> hypotheses : out) {
            long[] ids = hypotheses.get(0).ids();
            generated += ids.length - 1;
            checksum.update(Arrays.toString(ids).getBytes(StandardCharsets.US_ASCII));
        }
        return new Pass(generated, checksum.getValue());
    }
}
