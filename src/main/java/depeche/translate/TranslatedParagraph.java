package depeche.translate;

import depeche.document.AlignedParagraph;
import depeche.document.Outcome;
import depeche.document.SentencePair;
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
     */
    public record Sentence(String source, Outcome<SentencePair> translation) {
    }

    public TranslatedParagraph {
        sentences = List.copyOf(sentences);
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
