package depeche.generate;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import depeche.model.DecoderState;
import depeche.model.Seq2SeqModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Greedy search: each step takes the argmax of the processed logits. A row that produced eos is finished; HF
 * keeps feeding it pad tokens, which cannot change the other rows, so here it simply leaves the batch.
 */
final class GreedySearch {
    private final Seq2SeqModel model;
    private final DecoderState state;
    private final GenerationConfig config;
    private final LogitsProcessing processing;

    GreedySearch(Seq2SeqModel model, DecoderState state, GenerationConfig config) {
        this.model = model;
        this.state = state;
        this.config = config;
        this.processing = new LogitsProcessing(config);
    }

    List<List<Hypothesis>> run(int inputs) {
        int maxLength = config.effectiveMaxLength();
        long[][] sequences = new long[inputs][];
        List<Integer> active = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            sequences[i] = new long[] {config.decoderStartTokenId()};
            active.add(i);
        }
        for (int length = 1; length < maxLength && !active.isEmpty(); length++) {
            List<long[]> rows = active.stream().map(i -> sequences[i]).toList();
            long[] next;
            try (NDScope ignored = new NDScope()) {
                NDArray logits = model.nextTokenLogits(state, rows.stream().mapToLong(s -> s[s.length - 1]).toArray());
                NDArray scores = processing.apply(logits, rows);
                NDArray best = scores.argMax(1);
                next = best.toLongArray();
                // argmax picks a NaN over any number, so a NaN row shows in the chosen scores
                NaNScoresException.check(scores.get(new NDIndex("{}, {}",
                        scores.getManager().create(java.util.stream.LongStream.range(0, next.length).toArray()), best))
                        .toFloatArray(), length);
            }
            List<Integer> running = new ArrayList<>();
            List<Long> keptRows = new ArrayList<>();
            for (int r = 0; r < next.length; r++) {
                int input = active.get(r);
                sequences[input] = append(sequences[input], next[r]);
                if (!LogitsProcessing.contains(config.eosTokenIds(), next[r])) {
                    running.add(input);
                    keptRows.add((long) r);
                }
            }
            if (running.size() < active.size() && !running.isEmpty()) {
                long[] kept = keptRows.stream().mapToLong(Long::longValue).toArray();
                state.select(kept, kept);
            }
            active = running;
        }
        List<List<Hypothesis>> results = new ArrayList<>();
        for (long[] seq : sequences) {
            results.add(List.of(new Hypothesis(seq, Double.NaN)));
        }
        return results;
    }

    static long[] append(long[] seq, long token) {
        long[] out = Arrays.copyOf(seq, seq.length + 1);
        out[seq.length] = token;
        return out;
    }
}
