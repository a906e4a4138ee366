package depeche.generate;

import ai.djl.ndarray.NDManager;
import depeche.model.DecoderState;
import depeche.model.EncoderOutput;
import depeche.model.Seq2SeqModel;
import depeche.model.TorchRuntime;
import java.util.List;

/**
 * HF {@code generate()} for encoder-decoder models, without sampling: greedy search when {@code num_beams} is 1,
 * beam search otherwise. A batch of inputs gives the same ids as each input alone. Thread-confined: one
 * generation at a time per instance (the model itself may be shared).
 */
public final class Generator {
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
