package depeche.inference;

import depeche.document.ModelInfo;
import depeche.generate.GenerationConfig;
import depeche.generate.GenerationDefaults;
import depeche.generate.Generator;
import depeche.generate.Hypothesis;
import depeche.model.ModelConfig;
import depeche.model.Seq2SeqModel;
import depeche.model.weights.Checkpoint;
import depeche.model.weights.Checkpoints;
import depeche.model.weights.PreparedWeights;
import depeche.model.weights.PreparedWeightsCache;
import depeche.tokenize.TextTokenizer;
import depeche.tokenize.Tokenizers;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * A HuggingFace model folder ready to use: its config, generation defaults, tokenizer and network. Texts in,
 * texts out, with HF's ids. The network and tokenizer may be shared by threads; one generation runs at a time
 * per {@link Generator}, which this class creates per call.
 */
public final class LoadedModel implements AutoCloseable {
    private final Path folder;
    private final ModelConfig config;
    private final GenerationDefaults generationDefaults;
    private final TextTokenizer tokenizer;
    private final Seq2SeqModel network;
    private final Path weightsFile;
    private volatile ModelInfo identity;

    private LoadedModel(Path folder, ModelConfig config, GenerationDefaults generationDefaults,
                        TextTokenizer tokenizer, Seq2SeqModel network, Path weightsFile) {
        this.folder = folder;
        this.config = config;
        this.generationDefaults = generationDefaults;
        this.tokenizer = tokenizer;
        this.network = network;
        this.weightsFile = weightsFile;
    }

    /**
     * Loads {@code folder} as HF's {@code from_pretrained} would.
     *
     * @throws depeche.folder.ModelException naming the file at fault when something is missing or corrupt
     */
    public static LoadedModel load(Path folder) {
        ModelConfig config = ModelConfig.read(folder.resolve("config.json"));
        GenerationDefaults generation = GenerationDefaults.read(folder, config);
        try (Checkpoint checkpoint = Checkpoints.open(folder)) {
            // The weights' files are opened before the tokenizer is read: when libtorch is still loading on another
            // thread (a command's start), reading the tokenizer waits for it, and this work is then done already.
            PreparedWeights prepared = PreparedWeightsCache.fromEnvironment().open(checkpoint);
            TextTokenizer tokenizer;
            try {
                tokenizer = Tokenizers.load(folder);
            } catch (RuntimeException e) {
                prepared.close();
                throw e;
            }
            try {
                return new LoadedModel(folder, config, generation, tokenizer,
                        Seq2SeqModel.load(config, checkpoint, prepared), checkpoint.file());
            } catch (RuntimeException e) {
                tokenizer.close();
                throw e;
            }
        }
    }

    public Path folder() {
        return folder;
    }

    /** The folder's name, e.g. {@code opus-mt-fr-en}. */
    public String name() {
        return folder.toAbsolutePath().normalize().getFileName().toString();
    }

    /** The weights file the network was loaded from (the index of a sharded checkpoint). */
    public Path weightsFile() {
        return weightsFile;
    }

    /**
     * Folder name, model type and the weights' sha256, as the run report, the outputs and the translation memory
     * name this model. Computed once (hashing the weights takes a while), on first use.
     */
    public ModelInfo identity() {
        ModelInfo known = identity;
        if (known == null) {
            synchronized (this) {
                if (identity == null) {
                    identity = ModelIdentity.of(this);
                }
                known = identity;
            }
        }
        return known;
    }

    public ModelConfig config() {
        return config;
    }

    /** The settings of HF's {@code model.generate(input_ids)} for this folder (translation, one-off commands). */
    public GenerationConfig generationDefaults() {
        return generationDefaults.generate();
    }

    /**
     * The settings of HF's {@code pipeline("summarization")} for this folder: its generation config as loaded
     * (generation_config.json, else config.json), updated with config.json's
     * {@code task_specific_params["summarization"]}.
     */
    public GenerationConfig summarizationDefaults() {
        return generationDefaults.summarization();
    }

    /** Text HF's summarization pipeline puts before every input ({@code prefix}); empty when none. */
    public String summarizationPrefix() {
        return generationDefaults.summarizationPrefix();
    }

    /**
     * What a user should know about how this folder was read, one line each naming the file: legacy keys
     * converted, keys depeche does not know, generation settings it cannot follow or that a present
     * generation_config.json overrides. Each is listed once.
     */
    public List<String> warnings() {
        return Stream.concat(config.warnings().stream(), generationDefaults.warnings().stream()).distinct().toList();
    }

    /** The longest input the model accepts, in tokens (special tokens included). */
    public int maxInputTokens() {
        return network.maxInputLength();
    }

    /** How many input tokens {@code text} becomes, special tokens included. */
    public int countTokens(String text) {
        return encode(text).length;
    }

    /** The token ids the model receives for {@code text}, special tokens included. */
    public long[] encode(String text) {
        return tokenizer.encode(text);
    }

    /**
     * Generates for already-encoded inputs, as one padded batch; each result holds the best hypothesis.
     *
     * @throws IllegalArgumentException when an input is longer than {@link #maxInputTokens()}
     */
    public List<Generated> generate(long[][] inputs, GenerationConfig settings) {
        return new Generator(network).generate(inputs, settings).stream().map(h -> decoded(h.get(0))).toList();
    }

    private Generated decoded(Hypothesis best) {
        long[] generated = Arrays.copyOfRange(best.ids(), 1, best.ids().length); // without the start token
        return new Generated(tokenizer.decode(generated, true), generated, best.score());
    }

    @Override
    public void close() {
        try {
            network.close();
        } finally {
            tokenizer.close();
        }
    }
}
