package depeche.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.PreparedWeights;
import depeche.model.weights.PreparedWeightsCache;
import java.util.Arrays;
import java.util.Set;

/**
 * An encoder-decoder language model as HF's {@code MarianMTModel} / {@code BartForConditionalGeneration} builds
 * it from a checkpoint: {@code model.shared}, {@code model.encoder}, {@code model.decoder}, the LM head (tied to
 * the decoder's token embeddings unless {@code tie_word_embeddings} is false) and {@code final_logits_bias}.
 * Weights live in this model's manager, or in mappings of the checkpoint and of its prepared-weights cache
 * ({@link PreparedWeights}); close the model to free them.
 */
public final class Seq2SeqModel implements AutoCloseable {
    private final ModelConfig config;
    private final NDManager manager;
    private final Encoder encoder;
    private final Decoder decoder;
    private final Linear lmHead; // with final_logits_bias as its bias
    private final PreparedWeights prepared;

    private Seq2SeqModel(ModelConfig config, NDManager manager, PreparedWeights prepared, Encoder encoder,
                         Decoder decoder, Linear lmHead) {
        this.config = config;
        this.manager = manager;
        this.prepared = prepared;
        this.encoder = encoder;
        this.decoder = decoder;
        this.lmHead = lmHead;
    }

    /**
     * Builds the network of {@code config} from {@code checkpoint}. Keys may carry HF's {@code model.} prefix
     * (a ForConditionalGeneration save) or not (a bare base-model save). Arrays derived from the weights come from
     * the prepared-weights cache the environment sets up ({@link PreparedWeightsCache#fromEnvironment()}).
     */
    public static Seq2SeqModel load(ModelConfig config, Checkpoint checkpoint) {
        return load(config, checkpoint, PreparedWeightsCache.fromEnvironment().open(checkpoint));
    }

    /**
     * Like {@link #load(ModelConfig, Checkpoint)}, with the derived arrays of {@code prepared}, which the model
     * takes over: it completes the cache file when the network is built and closes it with the model.
     */
    public static Seq2SeqModel load(ModelConfig config, Checkpoint checkpoint, PreparedWeights prepared) {
        TorchRuntime.start();
        NDManager manager = NDManager.newBaseManager();
        try {
            WeightsView root = new WeightsView(checkpoint, prepared, manager, "");
            WeightsView base = hasPrefix(checkpoint.names(), "model.") ? root.pp("model") : root;
            int d = config.dModel();
            // Tied: one table for the LM head and the token embeddings, laid out for the head's GEMM (the big
            // one); embedding lookups gather from that layout as well (0.3 ms for 32 tokens).
            boolean tied = config.tieWordEmbeddings();
            NDArray decoderTokens;
            NDArray encoderTokens;
            if (config.shareEncoderDecoderEmbeddings()) {
                decoderTokens = table(sharedEmbedding(base), tied, config.vocabSize(), d);
                encoderTokens = decoderTokens;
            } else {
                encoderTokens = base.pp("encoder").pp("embed_tokens").get("weight", config.vocabSize(), d);
                decoderTokens = table(base.pp("decoder").pp("embed_tokens"), tied, config.decoderVocabSize(), d);
            }
            NDArray headWeight = tied ? decoderTokens
                    : Linear.columnMajor(root.pp("lm_head"), "weight", config.decoderVocabSize(), d);
            NDArray bias = root.getOptional("final_logits_bias", 1, config.decoderVocabSize())
                    .map(b -> b.reshape(config.decoderVocabSize()))
                    .orElseGet(() -> manager.zeros(new Shape(config.decoderVocabSize())));
            Seq2SeqModel model = new Seq2SeqModel(config, manager, prepared,
                    Encoder.load(base.pp("encoder"), encoderTokens, config, manager),
                    Decoder.load(base.pp("decoder"), decoderTokens, config, manager),
                    Linear.of(headWeight, bias));
            // From now on nothing may attach to the weights' manager: an array that would (a leak, growing with
            // every batch) fails loudly instead. Inference arrays belong to the caller's managers.
            manager.cap();
            prepared.commit();
            return model;
        } catch (RuntimeException e) {
            manager.close();
            prepared.close();
            throw e;
        }
    }

    /** A token table: column-major (a copy) when it is also the LM head, else as stored. */
    private static NDArray table(WeightsView owner, boolean head, int vocab, int d) {
        return head ? Linear.columnMajor(owner, "weight", vocab, d) : owner.get("weight", vocab, d);
    }

    /**
     * Where the shared token table is. Some checkpoints (facebook/bart-large-cnn, say) store it only under the
     * decoder's or encoder's {@code embed_tokens}; HF ties those to {@code shared} on load, and so do we.
     */
    private static WeightsView sharedEmbedding(WeightsView base) {
        for (String owner : new String[] {"shared", "decoder.embed_tokens", "encoder.embed_tokens"}) {
            WeightsView view = base;
            for (String part : owner.split("\\.")) {
                view = view.pp(part);
            }
            if (view.contains("weight")) {
                return view;
            }
        }
        return base.pp("shared"); // reports the missing tensor by its canonical name
    }

    private static boolean hasPrefix(Set<String> names, String prefix) {
        return names.stream().anyMatch(n -> n.startsWith(prefix));
    }

    public ModelConfig config() {
        return config;
    }

    /** The longest input the encoder accepts, in tokens. */
    public int maxInputLength() {
        return encoder.maxPositions();
    }

    /** The longest output the decoder can produce, start token included. */
    public int maxOutputLength() {
        return decoder.maxPositions();
    }

    /**
     * Encodes a batch of inputs (right-padded with {@code pad_token_id}). The result belongs to {@code into}.
     *
     * @throws IllegalArgumentException when an input is empty or longer than {@link #maxInputLength()}
     */
    public EncoderOutput encode(NDManager into, long[][] inputIds) {
        int rows = inputIds.length;
        int[] lengths = new int[rows];
        int width = 0;
        for (int i = 0; i < rows; i++) {
            lengths[i] = inputIds[i].length;
            if (lengths[i] == 0 || lengths[i] > maxInputLength()) {
                throw new IllegalArgumentException("input " + i + " has " + lengths[i]
                        + " tokens; the model accepts 1 to " + maxInputLength());
            }
            width = Math.max(width, lengths[i]);
        }
        long[] ids = new long[rows * width];
        float[] mask = new float[rows * width];
        for (int i = 0; i < rows; i++) {
            Arrays.fill(ids, i * width, (i + 1) * width, config.padTokenId());
            System.arraycopy(inputIds[i], 0, ids, i * width, lengths[i]);
            Arrays.fill(mask, i * width + lengths[i], (i + 1) * width, -Float.MAX_VALUE);
        }
        try (NDScope ignored = new NDScope()) {
            NDArray maskArray = into.create(mask, new Shape(rows, 1, 1, width));
            NDArray hidden = encoder.forward(into.create(ids, new Shape(rows, width)), maskArray);
            NDScope.unregister(hidden, maskArray);
            hidden.attach(into);
            return new EncoderOutput(hidden, maskArray);
        }
    }

    /**
     * Starts decoding {@code encoded} with {@code group} rows (beams) per input; the state owns a new manager
     * under {@code parent}.
     */
    public DecoderState startDecoding(NDManager parent, EncoderOutput encoded, int group) {
        NDManager stateManager = parent.newSubManager();
        try (NDScope ignored = new NDScope()) {
            return new DecoderState(stateManager, decoder.crossCaches(encoded.hidden()),
                    encoded.mask().duplicate(), group);
        }
    }

    /**
     * Feeds one token per row and returns the next-token logits [rows, vocab] of the last position. The logits
     * belong to the current {@link NDScope}; the state keeps the new keys and values.
     */
    public NDArray nextTokenLogits(DecoderState state, long[] tokens) {
        NDArray ids = state.manager().create(tokens, new Shape(tokens.length, 1));
        NDArray hidden = decoder.forward(ids, state);
        return logits(hidden.reshape(tokens.length, config.dModel()));
    }

    /** Teacher-forced pass: feeds {@code tokens} [rows, T] at once and returns logits [rows, T, vocab]. */
    public NDArray decode(DecoderState state, long[][] tokens) {
        int rows = tokens.length;
        int length = tokens[0].length;
        long[] flat = new long[rows * length];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(tokens[i], 0, flat, i * length, length);
        }
        return logits(decoder.forward(state.manager().create(flat, new Shape(rows, length)), state));
    }

    private NDArray logits(NDArray hidden) {
        return lmHead.forward(hidden);
    }

    /** Frees the weights; the cache's mappings go after the arrays on them. */
    @Override
    public void close() {
        manager.close();
        prepared.close();
    }
}
