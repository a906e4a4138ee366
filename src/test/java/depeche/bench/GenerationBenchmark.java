package depeche.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.generate.GenerationConfig;
import depeche.generate.Generator;
import depeche.generate.Hypothesis;
import depeche.model.Seq2SeqModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Speed of generation on the opus-mt-fr-en shape with the seed-article workload (src/test/resources/bench):
 * 15 sentences, each forced to generate exactly as many tokens as its source has, beam 4.
 */
public final class GenerationBenchmark {
    record Item(long[] ids, int newTokens) {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Path dir = Path.of(args.length > 0 ? args[0] : "target/bench-opus-mt");
        if (!Files.exists(dir.resolve("model.safetensors"))) {
            OpusMtShape.createFolder(dir);
        }
        List<Item> items = workload();
        try (Seq2SeqModel model = OpusMtShape.load(dir)) {
            GenerationConfig base = GenerationConfig.read(dir, model.config());
            Generator generator = new Generator(model);
            run(generator, base, items, 1, model.config()); // warm-up
            for (int perCall : new int[] {1, 8}) {
                long tokens = 0;
                long start = System.nanoTime();
                tokens += run(generator, base, items, perCall, model.config());
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf("beam 4, %d sentence(s) per call: %d target tokens in %.1f s = %.1f tokens/s%n",
                        perCall, tokens, seconds, tokens / seconds);
            }
        }
    }

    /** Generates every item, {@code perCall} at a time in article order; returns the target tokens made. */
    static long run(Generator generator, GenerationConfig base, List<Item> items, int perCall,
                    depeche.model.ModelConfig config) {
        long tokens = 0;
        for (int i = 0; i < items.size(); i += perCall) {
            List<Item> chunk = items.subList(i, Math.min(items.size(), i + perCall));
            int longest = chunk.stream().mapToInt(Item::newTokens).max().orElseThrow();
            int shortest = chunk.stream().mapToInt(Item::newTokens).min().orElseThrow();
            GenerationConfig settings = base.withOverrides(new ObjectMapper().createObjectNode()
                    .put("max_new_tokens", longest).put("min_new_tokens", shortest), config);
            List<List<Hypothesis>> out = generator.generate(chunk.stream().map(Item::ids).toArray(long[][]::new), settings);
            for (List<Hypothesis> h : out) {
                tokens += h.get(0).ids().length - 1;
            }
        }
        return tokens;
    }

    static List<Item> workload() throws Exception {
        List<Item> items = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                GenerationBenchmark.class.getResourceAsStream("/bench/workload-seed15.jsonl"), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode n = json.readTree(line);
                long[] ids = new long[n.get("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = n.get("ids").get(i).asLong();
                }
                items.add(new Item(ids, n.get("max_new_tokens").asInt()));
            }
        }
        return items;
    }
}
