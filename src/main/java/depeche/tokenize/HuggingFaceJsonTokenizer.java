package depeche.tokenize;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import depeche.folder.JsonTree;
import depeche.folder.ModelException;
import depeche.text.OneLine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A HF {@code tokenizers} JSON definition run by the Rust library through DJL, as transformers' fast tokenizers do.
 *
 * <p>Thread safety: the Rust tokenizer is immutable after loading (its truncation and padding are set once, here),
 * so {@link #encode}, {@link #decode} and {@link #tokenId} may run concurrently; {@link #close} must come after all use.
 */
final class HuggingFaceJsonTokenizer implements TextTokenizer {
    static final String TOKENIZER_JSON = "tokenizer.json";

    /**
     * DJL defaults to truncation at 512 tokens and to padding; HF {@code tokenizer(text)} does neither.
     * No TokenizerConfig is given either, so DJL adds no prefix space and no clean-up of its own.
     */
    private static final Map<String, String> OPTIONS = Map.of(
            "addSpecialTokens", "true",
            "truncation", "false",
            "padding", "false");

    private final HuggingFaceTokenizer tokenizer;
    private final Vocabulary vocabulary;

    private HuggingFaceJsonTokenizer(HuggingFaceTokenizer tokenizer, Vocabulary vocabulary) {
        this.tokenizer = tokenizer;
        this.vocabulary = vocabulary;
    }

    /** A {@code tokenizer.json} tree; {@code source} is the file to blame when the library rejects it. */
    static HuggingFaceJsonTokenizer of(ObjectNode definition, Path source) {
        Vocabulary vocabulary = vocabularyOf(definition, source);
        byte[] json = JsonTree.write(definition);
        try {
            return new HuggingFaceJsonTokenizer(HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(json), OPTIONS), vocabulary);
        } catch (IOException | RuntimeException e) {
            throw new ModelException(source, "the tokenizers library rejects it: " + OneLine.of(e), e);
        }
    }

    /** What Rust {@code token_to_id} looks up: the model vocabulary, then the added tokens, which win. */
    private static Vocabulary vocabularyOf(ObjectNode definition, Path source) {
        Map<String, Long> ids = new LinkedHashMap<>();
        JsonNode vocab = definition.path("model").path("vocab");
        if (vocab.isObject()) {
            ids.putAll(Vocabulary.idsOf((ObjectNode) vocab, source));
        } else if (vocab.isArray()) {
            // Unigram: [piece, score] pairs, the id being the position.
            for (int id = 0; id < vocab.size(); id++) {
                ids.put(vocab.get(id).path(0).asText(), (long) id);
            }
        } else {
            throw new ModelException(source, "model.vocab is missing");
        }
        for (JsonNode added : definition.path("added_tokens")) {
            ids.put(added.path("content").asText(), added.path("id").asLong());
        }
        return new Vocabulary(ids);
    }

    @Override
    public long[] encode(String text) {
        return tokenizer.encode(text, true, false).getIds();
    }

    @Override
    public String decode(long[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(ids, skipSpecialTokens);
    }

    @Override
    public long tokenId(String token) {
        return vocabulary.id(token);
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
