package depeche.tokenize;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The tokenizer file sets depeche reads, in the order {@link Tokenizers#load} prefers them. One file of each
 * set marks it: a folder holding that file has that kind of tokenizer, and needs the rest of the set too.
 */
public enum TokenizerKind {
    /**
     * Marian: SentencePiece models for each side plus the joint vocabulary. First because transformers has no
     * fast Marian tokenizer, so a tokenizer.json beside these files would not be what HF uses.
     */
    SPM_VOCAB("spm+vocab", MarianTokenizer.SOURCE_SPM,
            MarianTokenizer.SOURCE_SPM, MarianTokenizer.TARGET_SPM, MarianTokenizer.VOCAB),
    /** HF {@code tokenizers} JSON, run by the Rust library (BART repositories often have it). */
    TOKENIZER_JSON("tokenizer.json", HuggingFaceJsonTokenizer.TOKENIZER_JSON, HuggingFaceJsonTokenizer.TOKENIZER_JSON),
    /** GPT-2/BART byte-level BPE as the slow tokenizer stores it, turned into the tokenizer.json HF would make. */
    VOCAB_MERGES("vocab+merges", ByteLevelBpeDefinition.MERGES,
            ByteLevelBpeDefinition.VOCAB, ByteLevelBpeDefinition.MERGES);

    /** How {@code models list} names the kind. */
    public final String label;
    private final String marker;
    private final List<String> files;

    TokenizerKind(String label, String marker, String... files) {
        this.label = label;
        this.marker = marker;
        this.files = List.of(files);
    }

    /** The kind of tokenizer a folder holding {@code present} has, if any. */
    public static Optional<TokenizerKind> of(Set<String> present) {
        return Arrays.stream(values()).filter(kind -> present.contains(kind.marker)).findFirst();
    }

    /** The files of this kind's set that {@code present} lacks. */
    public List<String> missing(Set<String> present) {
        return files.stream().filter(file -> !present.contains(file)).toList();
    }

    /** The alternatives for a message: "source.spm+target.spm+vocab.json, tokenizer.json or vocab.json+merges.txt". */
    public static String alternatives() {
        List<String> sets = Arrays.stream(values()).map(kind -> String.join("+", kind.files)).toList();
        return String.join(", ", sets.subList(0, sets.size() - 1)) + " or " + sets.get(sets.size() - 1);
    }
}
