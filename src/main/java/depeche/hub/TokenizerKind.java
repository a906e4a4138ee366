package depeche.hub;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The tokenizer file sets depeche reads, in the order it prefers them. */
public enum TokenizerKind {
    /** HF {@code tokenizers} JSON (BART repositories often have it). */
    TOKENIZER_JSON("tokenizer.json", List.of("tokenizer.json")),
    /** Marian: SentencePiece models for each side plus the joint vocabulary. */
    SPM_VOCAB("spm+vocab", List.of("source.spm", "target.spm", "vocab.json")),
    /** GPT-2/BART byte-level BPE as the slow tokenizer stores it. */
    VOCAB_MERGES("vocab+merges", List.of("vocab.json", "merges.txt"));

    /** How {@code models list} names the kind. */
    public final String label;
    private final List<String> files;

    TokenizerKind(String label, List<String> files) {
        this.label = label;
        this.files = files;
    }

    /** The first kind whose files are all present, if any. */
    public static Optional<TokenizerKind> of(Set<String> present) {
        for (TokenizerKind kind : values()) {
            if (present.containsAll(kind.files)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The alternatives for a message: "tokenizer.json, source.spm+target.spm+vocab.json or vocab.json+merges.txt". */
    static String alternatives() {
        List<String> sets = Arrays.stream(values()).map(kind -> String.join("+", kind.files)).toList();
        return String.join(", ", sets.subList(0, sets.size() - 1)) + " or " + sets.get(sets.size() - 1);
    }
}
