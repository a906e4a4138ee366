package depeche.bench;

import depeche.generate.GenerationConfig;
import depeche.generate.Generator;
import depeche.model.Seq2SeqModel;
import depeche.model.TorchRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times a workload on a loaded model, the way HF's benchmark times {@code generate()}: per call, every row is
 * asked for exactly the longest length of its call ({@code min_new_tokens = max_new_tokens}), so both do the same
 * work and must give the same ids; one short warm-up call first; the model's generation_config otherwise.
 */
public final class GenerationBench {
    private static final int WARM_UP_TOKENS = 8;

    private final Seq2SeqModel model;
    private final GenerationConfig defaults;
    private final Generator generator;

    public GenerationBench(Seq2SeqModel model, GenerationConfig defaults) {
        this.model = model;
        this.defaults = defaults;
        this.generator = new Generator(model);
    }

    /** One pass of {@code workload} split by {@code batching}, after a warm-up call. */
    public BenchRun run(Workload workload, Batching batching, int neighbours) {
        List<List<Integer>> calls = batching.calls(workload);
        ProcessMemory.resetPeak();
        generate(workload.capped(WARM_UP_TOKENS), calls.get(0));
        double load = MachineLoad.oneMinute();
        long[][] ids = new long[workload.sentences().size()][];
        ProcessTimes before = ProcessTimes.now();
        long start = System.nanoTime();
        for (List<Integer> call : calls) {
            long[][] out = generate(workload, call);
            for (int row = 0; row < call.size(); row++) {
                ids[call.get(row)] = out[row];
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        ProcessTimes used = ProcessTimes.now().since(before);
        long generated = Arrays.stream(ids).mapToLong(row -> row.length - 1).sum();
        return new BenchRun(batching.label(workload), calls.size(), seconds, workload.targetTokens(), generated,
                ProcessMemory.peakRssKb() / 1024.0, load, neighbours, TorchRuntime.threads(), used, List.of(ids));
    }

    /** One {@code generate()} call; returns each row's best ids. */
    private long[][] generate(Workload workload, List<Integer> call) {
        int length = call.stream().mapToInt(i -> workload.sentences().get(i).newTokens()).max().orElseThrow();
        GenerationConfig settings = defaults.toBuilder().minNewTokens(length).maxNewTokens(length).build();
        long[][] inputs = call.stream().map(i -> workload.sentences().get(i).ids()).toArray(long[][]::new);
        return generator.generate(inputs, settings).stream().map(h -> h.get(0).ids()).toArray(long[][]::new);
    }

    /** The rows of {@code ids} that differ from {@code expected} (by sentence index; missing ones count). */
    public static List<Integer> differences(List<long[]> ids, List<long[]> expected) {
        List<Integer> differ = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            if (i >= expected.size() || !Arrays.equals(ids.get(i), expected.get(i))) {
                differ.add(i);
            }
        }
        return differ;
    }
}
