package depeche.pipeline;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.Outcome;
import depeche.translate.ParagraphPlan;
import depeche.translate.TranslatedParagraph;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the model must translate of one article: the headline and the paragraphs, each cut into sentences and
 * the sentences too long for the model into parts. It hands out its paragraphs in reading order (headline
 * first) and takes their translations back in the same order.
 */
public record ArticlePlan(Article article, ParagraphPlan headline, List<ParagraphPlan> body) {

    public ArticlePlan {
        body = List.copyOf(body);
    }

    /**
     * The article translated.
     *
     * @param title    the English headline
     * @param body     one aligned paragraph per paragraph of the article
     * @param warnings about the headline's sentences (the body's stay on their sentence pairs)
     */
    public record Translation(String title, List<AlignedParagraph> body, List<String> warnings) {
    }

    /** The headline, then the body's paragraphs. */
    public List<ParagraphPlan> paragraphs() {
        return Stream.concat(Stream.of(headline), body.stream()).toList();
    }

    /** How many texts the model translates for this article (for progress before the work starts). */
    public int inputCount() {
        return paragraphs().stream().mapToInt(ParagraphPlan::inputCount).sum();
    }

    /** Sentences of the headline and the body. */
    public int sentenceCount() {
        return paragraphs().stream().mapToInt(p -> p.sentences().size()).sum();
    }

    /** Sentences too long for the model, translated in parts. */
    public int splitCount() {
        return paragraphs().stream().mapToInt(ParagraphPlan::splitCount).sum();
    }

    /** The article's size in model tokens (to share out the time of shared batches). */
    public int tokenCount() {
        return paragraphs().stream().mapToInt(ParagraphPlan::tokenCount).sum();
    }

    /**
     * Takes this article's paragraphs from {@code translated}, one per {@link #paragraphs() paragraph} in order,
     * and puts the article together; it fails, naming each sentence, when any sentence failed, and when the model
     * gave no English for any sentence of the body (an empty English headline is only a warning).
     */
    Outcome<Translation> assemble(Iterator<TranslatedParagraph> translated) {
        TranslatedParagraph title = translated.next();
        List<TranslatedParagraph> paragraphs = new ArrayList<>();
        body.forEach(p -> paragraphs.add(translated.next()));

        List<String> errors = new ArrayList<>();
        title.errors().forEach(e -> errors.add("headline, " + e));
        int number = 0;
        for (TranslatedParagraph paragraph : paragraphs) {
            String where = "paragraph " + ++number + ", ";
            paragraph.errors().forEach(e -> errors.add(where + e));
        }
        if (!errors.isEmpty()) {
            return Outcome.failure(String.join("; ", errors));
        }
        int sentences = paragraphs.stream().mapToInt(p -> p.sentences().size()).sum();
        if (sentences > 0 && paragraphs.stream().allMatch(p -> p.target().isBlank())) {
            // Nothing to review, summarize or index: a model fault (or one that cannot translate this text).
            // A body of code alone has nothing to translate, and is no fault.
            return Outcome.failure("the model gave no English for any of the " + sentences
                    + " sentences of the body (empty output)");
        }
        List<String> warnings = new ArrayList<>();
        if (title.target().isBlank()) {
            warnings.add("headline: the model gave no English for it (empty output)");
        }
        title.translations().forEach(s -> s.warnings().forEach(w -> warnings.add("headline: " + w)));
        List<AlignedParagraph> aligned = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            aligned.add(AlignedParagraph.of(article.blocks().get(i), paragraphs.get(i).translations().toList()));
        }
        return Outcome.success(new Translation(title.target(), aligned, warnings));
    }
}
