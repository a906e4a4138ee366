package depeche.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Generated ids for comparing two systems on one workload: a JSON object a line,
 * {@code {"batching": "8", "sentence": 3, "ids": [59513, ..., 0]}}, the decoder start token first. HF's side
 * writes the same lines (src/test/resources/bench/hf_ids.py), so a benchmark can prove both generated the same.
 */
public final class IdsFile {
    private static final ObjectMapper JSON = new ObjectMapper();

    private IdsFile() {
    }

    /** Writes the ids of every run. */
    public static void write(Path file, List<BenchRun> runs) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (BenchRun run : runs) {
                for (int i = 0; i < run.ids().size(); i++) {
                    ObjectNode line = JSON.createObjectNode().put("batching", run.batching()).put("sentence", i);
                    long[] ids = run.ids().get(i);
                    for (long id : ids) {
                        line.withArray("ids").add(id);
                    }
                    out.write(JSON.writeValueAsString(line));
                    out.newLine();
                }
            }
        }
    }

    /** Per batching label, the ids by sentence index (a sentence absent from the file is null). */
    public static Map<String, List<long[]>> read(Path file) throws IOException {
        Map<String, Map<Integer, long[]>> byLabel = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = JSON.readTree(line);
                if (!n.path("batching").isTextual() || !n.path("sentence").canConvertToInt()
                        || !n.path("ids").isArray()) {
                    throw new IllegalArgumentException(file + ": line " + number
                            + ": needs \"batching\" (text), \"sentence\" and \"ids\"");
                }
                long[] ids = new long[n.get("ids").size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = n.get("ids").get(i).asLong();
                }
                byLabel.computeIfAbsent(n.get("batching").asText(), k -> new HashMap<>())
                        .put(n.get("sentence").asInt(), ids);
            }
        }
        Map<String, List<long[]>> out = new HashMap<>();
        byLabel.forEach((label, bySentence) -> {
            int size = bySentence.keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
            List<long[]> ids = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ids.add(bySentence.get(i));
            }
            out.put(label, ids);
        });
        return out;
    }
}
