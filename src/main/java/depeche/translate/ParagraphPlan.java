package depeche.translate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * One French paragraph, sentence by sentence, as the model will translate it.
 *
 * @param sentences the paragraph's sentences in order; together they hold all its text. Empty for a blank
 *                  paragraph (a blank input line), whose translation is blank too.
 */
public record ParagraphPlan(List<SentencePlan> sentences) {
    public ParagraphPlan {
        sentences = List.copyOf(sentences);
    }

    /** How many texts the model translates for this paragraph (for progress before the work starts). */
    public int inputCount() {
        return sentences.stream().mapToInt(s -> s.inputs().size()).sum();
    }

    /** How many sentences had to be translated in parts. */
    public int splitCount() {
        return (int) sentences.stream().filter(s -> s.split().isSplit()).count();
    }

    /** The paragraph's size in model tokens (to share out the time of a batch among articles). */
    public int tokenCount() {
        return sentences.stream().mapToInt(s -> s.split().sentenceTokens()).sum();
    }

    /** Takes one translated sentence per sentence of this paragraph from {@code translated}, in order. */
    TranslatedParagraph assemble(Iterator<TranslatedParagraph.Sentence> translated) {
        List<TranslatedParagraph.Sentence> mine = new ArrayList<>();
        for (SentencePlan sentence : sentences) {
            TranslatedParagraph.Sentence next = translated.next();
            if (!next.source().equals(sentence.source())) {
                throw new IllegalStateException("plan and translations out of step: expected '" + sentence.source()
                        + "', got '" + next.source() + "'");
            }
            mine.add(next);
        }
        return new TranslatedParagraph(mine);
    }
}
