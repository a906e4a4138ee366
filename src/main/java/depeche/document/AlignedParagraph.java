package depeche.document;

import java.util.List;
import java.util.stream.Collectors;

/** One source paragraph, sentence by sentence, with the translation of each sentence. */
public record AlignedParagraph(List<SentencePair> sentences) {

    public AlignedParagraph {
        sentences = List.copyOf(sentences);
        if (sentences.isEmpty()) {
            throw new IllegalArgumentException("a paragraph has at least one sentence");
        }
    }

    /** The French paragraph: its sentences joined by a space. */
    public String source() {
        return sentences.stream().map(SentencePair::source).collect(Collectors.joining(" "));
    }

    /** The English paragraph: the translations joined by a space. */
    public String target() {
        return sentences.stream().map(SentencePair::target).collect(Collectors.joining(" "));
    }
}
