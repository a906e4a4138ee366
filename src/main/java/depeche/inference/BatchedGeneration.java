package depeche.inference;

import depeche.document.Outcome;
import depeche.generate.GenerationConfig;
import depeche.text.OneLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Runs many inputs through a model in length-sorted token-budget batches, so that inputs from many articles
 * share batches. A batch that fails is retried one input at a time, so one bad input costs only its own result.
 */
public final class BatchedGeneration {
    private final LoadedModel model;
    private final GenerationConfig settings;
    private final Batcher batcher;

    public BatchedGeneration(LoadedModel model, GenerationConfig settings, Batcher batcher) {
        this.model = model;
        this.settings = settings;
        this.batcher = batcher;
    }

    /**
     * Generates for every text; results come back in the order of {@code texts}.
     *
     * @param done told how many inputs each finished batch completed (for progress)
     */
    public List<Outcome<Generated>> run(List<String> texts, IntConsumer done) {
        long[][] inputs = texts.stream().map(model::encode).toArray(long[][]::new);
        int[] lengths = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            lengths[i] = inputs[i].length;
        }
        @SuppressWarnings("unchecked")
        Outcome<Generated>[] outcomes = new Outcome[inputs.length];
        for (List<Integer> batch : batcher.batches(lengths)) {
            try {
                List<Generated> outputs = model.generate(batch.stream().map(i -> inputs[i]).toArray(long[][]::new),
                        settings);
                for (int row = 0; row < batch.size(); row++) {
                    outcomes[batch.get(row)] = Outcome.success(outputs.get(row));
                }
            } catch (RuntimeException batchFailure) {
                for (int i : batch) {
                    outcomes[i] = alone(inputs[i]);
                }
            }
            done.accept(batch.size());
        }
        return new ArrayList<>(List.of(outcomes));
    }

    private Outcome<Generated> alone(long[] input) {
        try {
            return Outcome.success(model.generate(new long[][] {input}, settings).get(0));
        } catch (RuntimeException e) {
            return Outcome.failure(OneLine.of(e));
        }
    }
}
