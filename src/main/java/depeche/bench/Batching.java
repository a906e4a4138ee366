package depeche.bench;

import depeche.inference.Batcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** How a benchmark splits a workload into {@code generate()} calls. */
public sealed interface Batching {
    /** The sentences of each call, as indices into the workload, in the order the calls are made. */
    List<List<Integer>> calls(Workload workload);

    /**
     * How reports name it: the sentences per call ({@code 8}; all of them in one call is their number, as for HF's
     * run with that batch size), or {@code job}.
     */
    String label(Workload workload);

    /**
     * {@code size} sentences per call in workload order, like a caller translating an article piece by piece;
     * each call is one padded batch, HF's {@code generate()} on {@code size} rows.
     */
    record PerCall(int size) implements Batching {
        public PerCall {
            if (size < 1) {
                throw new IllegalArgumentException("sentences per call must be at least 1, not " + size);
            }
        }

        @Override
        public List<List<Integer>> calls(Workload workload) {
            int n = workload.sentences().size();
            List<List<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i += size) {
                calls.add(IntStream.range(i, Math.min(n, i + size)).boxed().toList());
            }
            return calls;
        }

        @Override
        public String label(Workload workload) {
            return Integer.toString(size);
        }
    }

    /** Every sentence in one call. */
    record All() implements Batching {
        @Override
        public List<List<Integer>> calls(Workload workload) {
            return new PerCall(workload.sentences().size()).calls(workload);
        }

        @Override
        public String label(Workload workload) {
            return Integer.toString(workload.sentences().size());
        }
    }

    /**
     * The batch job's own batching ({@link Batcher#forGeneration()}): sentences of all articles sorted by length,
     * longest first, packed into batches under a token budget. HF given the same freedom is
     * {@code --sort-by-length --batch-sizes B}.
     */
    record Job(Batcher batcher) implements Batching {
        @Override
        public List<List<Integer>> calls(Workload workload) {
            int[] lengths = workload.sentences().stream().mapToInt(s -> s.ids().length).toArray();
            return batcher.batches(lengths);
        }

        @Override
        public String label(Workload workload) {
            return "job";
        }
    }

    /** {@code 8}, {@code all} or {@code job}. */
    public static Batching parse(String text) {
        return switch (text.trim()) {
            case "all" -> new All();
            case "job" -> new Job(Batcher.forGeneration());
            default -> {
                try {
                    yield new PerCall(Integer.parseInt(text.trim()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a number of sentences per call, "
                            + "'all' or 'job'");
                }
            }
        };
    }

    /** A comma-separated list of {@link #parse} tokens: {@code 1,8,all,job}. */
    public static List<Batching> parseList(String text) {
        List<Batching> out = new ArrayList<>();
        for (String token : text.split(",")) {
            if (!token.isBlank()) {
                out.add(parse(token));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no batching given");
        }
        return out;
    }
}
