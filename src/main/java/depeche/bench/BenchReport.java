package depeche.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code depeche bench} prints: a table for people, or JSON for scripts.
 *
 * @param workload    what ran
 * @param threads     the engine's threads
 * @param loadAverage the machine's one-minute load average when the benchmark started
 * @param rows        every timed pass, in order
 */
public record BenchReport(Workload workload, int threads, double loadAverage, List<Row> rows) {

    /**
     * One pass and how its ids compare.
     *
     * @param idsDiffer the sentences whose ids differ from the expected ones; empty when nothing was expected
     */
    public record Row(BenchRun run, Optional<List<Integer>> idsDiffer) {
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "workload %s: %d sentences, %d target tokens; %d threads; "
                        + "load average %.2f%n", workload.name(), workload.sentences().size(), workload.targetTokens(),
                threads, loadAverage));
        out.append(String.format(Locale.ROOT, "%-8s %5s %8s %15s %9s %9s %7s %8s %5s %7s %7s %s%n", "per call",
                "calls", "seconds", "target tokens/s", "generated", "peak RSS", "CPU s", "faults", "load", "beside",
                "threads", "ids"));
        for (Row row : rows) {
            BenchRun run = row.run();
            out.append(String.format(Locale.ROOT, "%-8s %5d %8.2f %15.1f %9d %6.0f MB %7.2f %8d %5.2f %7d %7d %s%n",
                    run.batching(), run.calls(), run.seconds(), run.targetTokensPerSecond(), run.generatedTokens(),
                    run.peakRssMb(), run.used().cpuSeconds(), run.used().minorFaults(), run.loadAverage(),
                    run.neighbours(), run.threads(), idsNote(row)));
        }
        List<BenchRun> runs = rows.stream().map(Row::run).toList();
        for (BenchRun busy : runs) {
            runs.stream().filter(idle -> idle.neighbours() == 0 && busy.neighbours() > 0
                            && idle.batching().equals(busy.batching()))
                    .findFirst()
                    .ifPresent(idle -> out.append(String.format(Locale.ROOT,
                            "%s per call beside %d CPU-bound processes: %.2fx the idle time%n", busy.batching(),
                            busy.neighbours(), busy.seconds() / idle.seconds())));
        }
        return out.toString();
    }

    public ObjectNode json() {
        ObjectNode root = new ObjectMapper().createObjectNode()
                .put("workload", workload.name())
                .put("sentences", workload.sentences().size())
                .put("target_tokens", workload.targetTokens())
                .put("threads", threads)
                .put("load_average", loadAverage);
        for (Row row : rows) {
            BenchRun run = row.run();
            ObjectNode item = root.withArray("runs").addObject();
            if (run.batching().chars().allMatch(Character::isDigit)) {
                item.put("per_call", Integer.parseInt(run.batching()));
            } else {
                item.put("per_call", run.batching());
            }
            item.put("calls", run.calls())
                    .put("seconds", round(run.seconds(), 3))
                    .put("target_tokens_per_s", round(run.targetTokensPerSecond(), 2))
                    .put("generated_tokens", run.generatedTokens())
                    .put("peak_rss_mb", round(run.peakRssMb(), 1))
                    .put("cpu_s", round(run.used().cpuSeconds(), 2))
                    .put("minor_faults", run.used().minorFaults())
                    .put("load_average", run.loadAverage())
                    .put("cpu_bound_neighbours", run.neighbours())
                    .put("threads", run.threads());
            row.idsDiffer().ifPresent(differ -> item.put("ids_match_expected", differ.isEmpty()));
        }
        return root;
    }

    private static String idsNote(Row row) {
        return row.idsDiffer()
                .map(differ -> differ.isEmpty() ? "as expected" : differ.size() + " sentences differ " + differ)
                .orElse("-");
    }

    private static double round(double value, int places) {
        double scale = Math.pow(10, places);
        return Math.round(value * scale) / scale;
    }
}
