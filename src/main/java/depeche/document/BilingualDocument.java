package depeche.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A translated article: what every output file is written from.
 *
 * @param article         the source article
 * @param translatedTitle the English headline
 * @param paragraphs      one aligned paragraph per paragraph of the article, in the same order
 * @param summary         the summary, when one was asked for
 * @param run             how the document was made
 * @param warnings        problems met while translating the article as a whole; sentence-level
 *                        warnings stay on their {@link SentencePair}
 */
public record BilingualDocument(
        Article article,
        String translatedTitle,
        List<AlignedParagraph> paragraphs,
        Optional<Summary> summary,
        RunInfo run,
        List<String> warnings) {

    public BilingualDocument {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(translatedTitle, "translatedTitle");
        paragraphs = List.copyOf(paragraphs);
        // Paragraph structure is kept end to end: a lost or extra paragraph is a bug upstream.
        if (paragraphs.size() != article.paragraphs().size()) {
            throw new IllegalArgumentException("article " + article.id() + " has " + article.paragraphs().size()
                    + " paragraphs but " + paragraphs.size() + " were translated");
        }
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(run, "run");
        warnings = List.copyOf(warnings);
    }

    public String id() {
        return article.id();
    }

    /** Every sentence pair of the body, in reading order. */
    public List<SentencePair> sentences() {
        return paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
    }

    /**
     * Every warning about this document, for a reviewer: the reader's, the document's, the summary's, then each
     * sentence's prefixed with where it is ({@link #sentenceWarnings}).
     */
    public List<String> allWarnings() {
        List<String> all = new ArrayList<>(article.warnings());
        all.addAll(warnings);
        summary.ifPresent(sum -> sum.warnings().forEach(w -> all.add("summary: " + w)));
        all.addAll(sentenceWarnings(paragraphs));
        return List.copyOf(all);
    }

    /**
     * Each sentence's warnings prefixed with where it is ("paragraph 2, sentence 3: …", in a table "paragraph 4,
     * row 2, column 1: …", counted from 1), in reading order.
     */
    public static List<String> sentenceWarnings(List<AlignedParagraph> paragraphs) {
        List<String> all = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            AlignedParagraph paragraph = paragraphs.get(p);
            List<SentencePair> sentences = paragraph.sentences();
            for (int s = 0; s < sentences.size(); s++) {
                for (String warning : sentences.get(s).warnings()) {
                    all.add("paragraph " + (p + 1) + ", " + paragraph.place(s) + ": " + warning);
                }
            }
        }
        return all;
    }
}
