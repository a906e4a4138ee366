package depeche.pipeline;

import depeche.generate.GenerationConfig;
import depeche.text.OneLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * Runs many inputs through a model in length-sorted token-budget batches, so that inputs from many articles
 * share batches. A batch that fails is retried one input at a time, so one bad input costs only its own result.
 */
public final class BatchedGeneration {
    /** The result for one input: the generated output, or why there is none. */
    public record Outcome(Optional<Generated> output, String error) {
        static Outcome of(Generated generated) {
            return new Outcome(Optional.of(generated), null);
        }

        static Outcome failed(String error) {
            return new Outcome(Optional.empty(), error);
        }
    }

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
    public List<Outcome> run(List<String> texts, IntConsumer done) {
        long[][] inputs = texts.stream().map(model::encode).toArray(long[][]::new);
        int[] lengths = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            lengths[i] = inputs[i].length;
        }
        Outcome[] outcomes = new Outcome[inputs.length];
        for (List<Integer> batch : batcher.batches(lengths)) {
            try {
                List<Generated> outputs = model.generate(batch.stream().map(i -> inputs[i]).toArray(long[][]::new),
                        settings);
                for (int row = 0; row < batch.size(); row++) {
                    outcomes[batch.get(row)] = Outcome.of(outputs.get(row));
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

    private Outcome alone(long[] input) {
        try {
            return Outcome.of(model.generate(new long[][] {input}, settings).get(0));
        } catch (RuntimeException e) {
            return Outcome.failed(e.getMessage() == null ? e.getClass().getSimpleName() : OneLine.of(e.getMessage()));
        }
    }
}
