package depeche.document;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A short summary of an article.
 *
 * @param method   how it was made
 * @param english  the summary in English
 * @param french   the same summary in French: present for extractive summaries, whose sentences
 *                 are picked from the article with their translations
 * @param model    the summarization model's name, for abstractive summaries
 * @param ids      the token ids the summarization model generated (the chunk summaries' ids one after the
 *                 other when the text was summarized in chunks); {@link TokenIds#NONE} for extractive summaries
 * @param warnings what a reader of the summary should know, e.g. that the text was summarized in chunks
 */
public record Summary(Method method, String english, Optional<String> french, Optional<String> model,
                      TokenIds ids, List<String> warnings) {

    /** How a summary was made. */
    public enum Method {
        /** Written by a summarization model (BART) from the English translation. */
        ABSTRACTIVE,
        /** A selection of the article's own sentences, with their translations. */
        EXTRACTIVE
    }

    public Summary {
        Objects.requireNonNull(method, "method");
        Texts.requireNonBlank(english, "summary");
        Objects.requireNonNull(french, "french");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(ids, "ids");
        warnings = List.copyOf(warnings);
    }

    /** A summary written by {@code model}. */
    public static Summary abstractive(String english, String model, TokenIds ids, List<String> warnings) {
        return new Summary(Method.ABSTRACTIVE, english, Optional.empty(), Optional.of(model), ids, warnings);
    }

    /** A summary written by {@code model}, without ids or warnings. */
    public static Summary abstractive(String english, String model) {
        return abstractive(english, model, TokenIds.NONE, List.of());
    }

    /** The same summary without surrounding whitespace. */
    public Summary stripped() {
        return new Summary(method, english.strip(), french, model, ids, warnings);
    }

    /** A summary made of {@code picked} sentences, in the order given. */
    public static Summary extractive(List<SentencePair> picked) {
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("an extractive summary needs at least one sentence");
        }
        String english = picked.stream().map(SentencePair::target).collect(Collectors.joining(" "));
        String french = picked.stream().map(SentencePair::source).collect(Collectors.joining(" "));
        return new Summary(Method.EXTRACTIVE, english, Optional.of(french), Optional.empty(), TokenIds.NONE,
                List.of());
    }
}
