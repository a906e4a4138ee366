package depeche.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.bench.Batching;
import depeche.bench.BenchReport;
import depeche.bench.BenchRun;
import depeche.bench.BusyNeighbours;
import depeche.bench.GenerationBench;
import depeche.bench.IdsFile;
import depeche.bench.MachineLoad;
import depeche.bench.ModelShape;
import depeche.bench.Workload;
import depeche.generate.GenerationConfig;
import depeche.model.ModelConfig;
import depeche.model.Seq2SeqModel;
import depeche.model.TorchRuntime;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.model.weights.PreparedWeights;
import depeche.model.weights.PreparedWeightsCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code depeche bench}: how fast generation runs on this machine, and with how many threads. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times generation (beam search as the model's generation_config says, every output length "
                + "forced) on a workload of source ids, the way HuggingFace's generate() is timed on the same "
                + "workload, and prints target tokens per second.",
                "Without --model it writes a model with random weights and the exact shapes of opus-mt-fr-en "
                        + "(300 MB; the speed depends on shapes only), or of distilbart-cnn-6-6 with --shape "
                        + "distilbart-cnn --workload summary. Run it with a few --threads values to choose the threads "
                        + "for a server."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "DIR",
            description = "A model folder to time (config.json, generation_config.json, weights; no tokenizer "
                    + "needed). Default: the random opus-mt-fr-en-shaped model.")
    Path model;

    @Option(names = "--shape", paramLabel = "NAME", defaultValue = "opus-mt",
            description = "The random model's shapes: opus-mt (opus-mt-fr-en, 300 MB) or distilbart-cnn "
                    + "(distilbart-cnn-6-6, 920 MB). Default: ${DEFAULT-VALUE}.")
    String shape;

    @Option(names = "--save-model", paramLabel = "DIR",
            description = "Keep the random model in DIR (reused when DIR already holds it), e.g. to time "
                    + "HuggingFace on the very same weights.")
    Path saveModel;

    @Option(names = "--workload", paramLabel = "FILE", defaultValue = Workload.SEED,
            description = "JSONL of {\"ids\": [...], \"min_new_tokens\": L, \"max_new_tokens\": L}, or the built-in "
                    + "'seed' (one article, 15 sentences, 620 target tokens) or 'nightly' (20 articles, 300 "
                    + "sentences, 12,400 target tokens), or 'summary' (3 articles of 600 ids, 60 new tokens each: "
                    + "for --shape distilbart-cnn). Default: ${DEFAULT-VALUE}.")
    String workload;

    @Option(names = "--per-call", paramLabel = "LIST", defaultValue = "1,8,all",
            description = "Sentences per generate() call, in workload order, comma-separated: numbers, 'all', and "
                    + "'job' for the batch job's own batching (all articles' sentences by length, token budget). "
                    + "Default: ${DEFAULT-VALUE}.")
    String perCall;

    @Option(names = "--beside-busy", paramLabel = "N", defaultValue = "0",
            description = "Also time each pass beside N CPU-bound processes, and print how much slower it was.")
    int busy;

    @Option(names = "--ids", paramLabel = "FILE", description = "Write the generated ids (JSON lines) to FILE.")
    Path idsOut;

    @Option(names = "--expect-ids", paramLabel = "FILE",
            description = "Compare the ids with FILE's (same format, e.g. written by HuggingFace's side) and exit 1 "
                    + "when any differ.")
    Path expectIds;

    @Option(names = "--json", description = "Print {\"threads\", \"load_average\", \"runs\": [{\"per_call\", "
            + "\"target_tokens_per_s\", \"generated_tokens\", \"peak_rss_mb\", ...}]}.")
    boolean json;

    @Mixin
    ThreadsOption threads;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        double load = MachineLoad.oneMinute();
        threads.apply();
        if (busy < 0) {
            throw new UsageException("--beside-busy must be 0 or more, not " + busy);
        }
        Workload work;
        List<Batching> batchings;
        Map<String, List<long[]>> expected;
        ModelShape randomShape;
        try {
            randomShape = ModelShape.named(shape);
            work = Workload.named(workload);
            batchings = Batching.parseList(perCall);
            expected = expectIds == null ? Map.of() : IdsFile.read(expectIds);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path folder = modelFolder(randomShape);
        boolean temporary = model == null && saveModel == null;
        try {
            List<BenchReport.Row> rows = new ArrayList<>();
            try (Checkpoint checkpoint = Checkpoints.open(folder);
                 Seq2SeqModel network = Seq2SeqModel.load(ModelConfig.read(folder.resolve("config.json")),
                         checkpoint, temporary ? PreparedWeights.off()
                                 : PreparedWeightsCache.fromEnvironment().open(checkpoint))) {
                // A model deleted at the end would leave its 300 MB of prepared weights behind for nothing.
                GenerationBench bench = new GenerationBench(network, GenerationConfig.read(folder, network.config()));
                for (Batching batching : batchings) {
                    rows.add(row(bench.run(work, batching, 0), expected));
                    if (busy > 0) {
                        try (BusyNeighbours neighbours = BusyNeighbours.start(busy)) {
                            rows.add(row(bench.run(work, batching, neighbours.count()), expected));
                        }
                    }
                }
            }
            BenchReport report = new BenchReport(work, TorchRuntime.threads(), load, rows);
            if (idsOut != null) {
                IdsFile.write(idsOut, rows.stream().map(BenchReport.Row::run).toList());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.json())
                    + System.lineSeparator() : report.table());
            out.flush();
            boolean differ = rows.stream().anyMatch(r -> r.idsDiffer().map(d -> !d.isEmpty()).orElse(false));
            return differ ? Main.EXIT_SOME_FAILED : Main.EXIT_OK;
        } finally {
            if (temporary) {
                deleteRecursively(folder);
            }
        }
    }

    private static BenchReport.Row row(BenchRun run, Map<String, List<long[]>> expected) {
        return new BenchReport.Row(run, Optional.ofNullable(expected.get(run.batching()))
                .map(ids -> GenerationBench.differences(run.ids(), ids)));
    }

    /**
     * The folder to time: --model, or the random model of {@code randomShape} (kept in --save-model, else in a
     * temporary folder).
     */
    private Path modelFolder(ModelShape randomShape) throws IOException {
        if (model != null) {
            return model;
        }
        Path folder = saveModel != null ? saveModel : Files.createTempDirectory("depeche-bench-");
        if (!randomShape.isIn(folder)) {
            spec.commandLine().getErr().println("depeche: writing a random-weight model with the shapes of "
                    + randomShape.modelName() + " to " + folder + " (" + randomShape.size() + ")");
            randomShape.createFolder(folder);
        }
        return folder;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
