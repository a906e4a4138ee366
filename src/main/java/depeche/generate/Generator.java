package depeche.generate;

import ai.djl.ndarray.NDManager;
import depeche.model.DecoderState;
import depeche.model.EncoderOutput;
import depeche.model.Seq2SeqModel;
import depeche.model.TorchRuntime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * HF {@code generate()} for encoder-decoder models, without sampling: greedy search when {@code num_beams} is 1,
 * beam search otherwise. A batch of inputs gives the same ids as each input alone, which is what lets a call be
 * split into parts generated at the same time when other processes keep the cores busy
 * ({@link TorchRuntime#independentParts}). Thread-confined: one generation at a time per instance (the model
 * itself may be shared, as the parts share it).
 */
public final class Generator {
    /** A call is split into parts of at least this many inputs, when it is split ({@link #inParts}). */
    static final int MIN_INPUTS_PER_PART = 2;
    /** The threads of the parts of split calls; daemons, so that they never keep a process alive. */
    private static final ExecutorService PARTS = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "depeche-generation-part");
        thread.setDaemon(true);
        return thread;
    });
    private final Seq2SeqModel model;

    public Generator(Seq2SeqModel model) {
        this.model = model;
    }

    /**
     * Generates for each input (token ids ending with eos, no padding).
     *
     * @return per input, {@code num_return_sequences} hypotheses, best first
     * @throws IllegalArgumentException for settings HF refuses too, or inputs or lengths the model cannot take
     */
    public List<List<Hypothesis>> generate(long[][] inputs, GenerationConfig config) {
        validate(config);
        TorchRuntime.followLoad();
        int parts = TorchRuntime.independentParts(inputs.length / MIN_INPUTS_PER_PART);
        return parts > 1 ? inParts(inputs, config, parts) : generateAll(inputs, config);
    }

    /**
     * The inputs split into {@code parts} runs of consecutive inputs, generated at the same time on threads of their
     * own; the results in the inputs' order (each input's ids do not depend on the others of its batch).
     */
    List<List<Hypothesis>> inParts(long[][] inputs, GenerationConfig config, int parts) {
        List<Future<List<List<Hypothesis>>>> running = new ArrayList<>();
        for (int part = 0; part < parts; part++) {
            long[][] slice = Arrays.copyOfRange(inputs, part * inputs.length / parts,
                    (part + 1) * inputs.length / parts);
            running.add(PARTS.submit(() -> TorchRuntime.asOnePart(() -> generateAll(slice, config))));
        }
        List<List<Hypothesis>> results = new ArrayList<>(inputs.length);
        try {
            for (Future<List<List<Hypothesis>>> part : running) {
                results.addAll(part.get());
            }
        } catch (InterruptedException e) {
            running.forEach(part -> part.cancel(true));
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", e);
        } catch (ExecutionException e) {
            running.forEach(part -> part.cancel(true));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    private List<List<Hypothesis>> generateAll(long[][] inputs, GenerationConfig config) {
        int group = config.numBeams();
        try (NDManager manager = NDManager.newBaseManager();
             EncoderOutput encoded = model.encode(manager, inputs);
             DecoderState state = model.startDecoding(manager, encoded, group)) {
            return group > 1
                    ? new BeamSearch(model, state, config, manager).run(inputs.length)
                    : new GreedySearch(model, state, config).run(inputs.length);
        }
    }

    private void validate(GenerationConfig config) {
        if (config.numBeams() < 1) {
            throw new IllegalArgumentException("num_beams must be at least 1, not " + config.numBeams());
        }
        if (config.numReturnSequences() > config.numBeams()) {
            throw new IllegalArgumentException("num_return_sequences (" + config.numReturnSequences()
                    + ") cannot exceed num_beams (" + config.numBeams() + ")");
        }
        int maxLength = config.effectiveMaxLength();
        if (maxLength < 2) {
            throw new IllegalArgumentException("max_length must leave room for one token, not " + maxLength);
        }
        // The last generated token is never fed back, so positions 0 .. max_length-2 are used.
        if (maxLength - 1 > model.maxOutputLength()) {
            throw new IllegalArgumentException("max_length " + maxLength + " exceeds the model's "
                    + model.maxOutputLength() + " positions (max_position_embeddings)");
        }
    }
}
