package depeche.translate;

import depeche.document.AlignedParagraph;
import depeche.document.Origin;
import depeche.document.Outcome;
import depeche.document.SentencePair;
import depeche.memory.MemoryUse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A French paragraph after translation: each sentence's translation, or why it failed.
 *
 * @param sentences the paragraph's sentences, in order
 */
public record TranslatedParagraph(List<Sentence> sentences) {

    /**
     * One French sentence and what became of it.
     *
     * @param source      the French sentence as the files show it
     * @param translation its translation, or why there is none
     * @param recalled    whether the translation came from the translation memory (or from the same sentence
     *                    translated earlier in the batch) rather than from the model
     */
    public record Sentence(String source, Outcome<SentencePair> translation, boolean recalled) {

        /** A sentence the model translated. */
        public Sentence(String source, Outcome<SentencePair> translation) {
            this(source, translation, false);
        }

        /** How this sentence counts for the memory: a hit, a miss (the model translated it) or a reviewed reuse. */
        public MemoryUse memoryUse() {
            if (!recalled || translation.value().isEmpty()) {
                return new MemoryUse(0, 1, 0);
            }
            return translation.value().get().origin() == Origin.REVIEWED ? new MemoryUse(0, 0, 1)
                    : new MemoryUse(1, 0, 0);
        }
    }

    public TranslatedParagraph {
        sentences = List.copyOf(sentences);
    }

    /** How the translation memory served this paragraph's sentences. */
    public MemoryUse memoryUse() {
        return MemoryUse.sum(sentences.stream().map(Sentence::memoryUse));
    }

    /** The paragraph aligned sentence by sentence; empty when a sentence failed or the paragraph is blank. */
    public Optional<AlignedParagraph> aligned() {
        if (sentences.isEmpty() || !errors().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AlignedParagraph(translations().toList()));
    }

    /** The English paragraph from the sentences that succeeded, joined by spaces. */
    public String target() {
        return translations().map(SentencePair::target).collect(Collectors.joining(" "));
    }

    /** The translations that succeeded, in order. */
    public java.util.stream.Stream<SentencePair> translations() {
        return sentences.stream().flatMap(s -> s.translation().value().stream());
    }

    /** Why sentences failed, each as "sentence N: translation failed: …" (counted from 1). */
    public List<String> errors() {
        List<String> errors = new ArrayList<>();
        int number = 0;
        for (Sentence sentence : sentences) {
            String where = "sentence " + ++number + ": translation failed: ";
            sentence.translation().error().ifPresent(e -> errors.add(where + e));
        }
        return errors;
    }
}
