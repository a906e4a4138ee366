package depeche.review;

import depeche.document.AlignedParagraph;
import depeche.document.BilingualDocument;
import depeche.document.ModelInfo;
import depeche.document.Origin;
import depeche.document.SentencePair;
import depeche.document.Summary;
import depeche.document.TokenIds;
import depeche.quality.QualityChecks;
import depeche.text.OneLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Puts a reviewer's corrections into an article's document. Every correction must meet the sentence it was made
 * on (same place, same French, and the English the reviewer started from), or none is applied: corrections made
 * on another version of the article never land on the wrong sentence. A changed English becomes the reviewer's
 * ({@link Origin#REVIEWED}, without the model's ids, confidence or warnings); an unchanged one marked reviewed keeps
 * the model's data and becomes reviewed; {@code reviewed: false} on an unchanged sentence takes the mark away.
 * Corrected sentences are checked again (the checks of the run, its {@code min_confidence} included), so the
 * model's flags leave them and a typo in a number is still caught.
 */
public final class ReviewApplier {

    /**
     * The document with the corrections in, and what they did.
     *
     * @param corrected sentences whose English changed
     * @param approved  sentences marked reviewed as they were
     * @param unmarked  sentences whose reviewed mark was taken away
     * @param warnings  what the reviewer should know (the corrections were made on outputs of other models)
     * @param reviewed  the sentences of the corrections that are now reviewed (corrected or approved), for the
     *                  translation memory to keep
     * @param unreviewed the French of the sentences whose reviewed mark was taken away, for the memory to forget
     */
    public record Applied(BilingualDocument document, int corrected, int approved, int unmarked,
                          List<String> warnings, List<SentencePair> reviewed, List<String> unreviewed) {
        public Applied {
            warnings = List.copyOf(warnings);
            reviewed = List.copyOf(reviewed);
            unreviewed = List.copyOf(unreviewed);
        }
    }

    private ReviewApplier() {
    }

    /**
     * The document with {@code corrections} applied.
     *
     * @throws ReviewException when a correction does not meet its sentence; nothing is applied then
     */
    public static Applied apply(BilingualDocument document, Corrections corrections) {
        if (!corrections.article().equals(document.id())) {
            throw new ReviewException(corrections.file(), "the corrections are for article '" + corrections.article()
                    + "', not '" + document.id() + "'");
        }
        Map<String, Correction> byPosition = new HashMap<>();
        for (Correction change : corrections.changes()) {
            check(document, corrections, change);
            if (byPosition.put(change.position(), change) != null) {
                throw new ReviewException(corrections.file(), "sentence " + change.position() + " is corrected twice");
            }
        }
        QualityChecks checks = new QualityChecks(minConfidence(document));
        int[] counts = new int[3];
        List<SentencePair> reviewed = new ArrayList<>();
        List<String> unreviewed = new ArrayList<>();
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        Summary summary = document.summary().orElse(null);
        for (int p = 0; p < document.paragraphs().size(); p++) {
            List<SentencePair> sentences = new ArrayList<>();
            List<SentencePair> old = document.paragraphs().get(p).sentences();
            for (int s = 0; s < old.size(); s++) {
                Correction change = byPosition.get((p + 1) + "." + (s + 1));
                SentencePair pair = old.get(s);
                if (change != null) {
                    SentencePair corrected = checks.check(applied(pair, change, counts));
                    if (corrected.origin() == Origin.REVIEWED) {
                        reviewed.add(corrected);
                    } else if (pair.origin() == Origin.REVIEWED) {
                        unreviewed.add(pair.source());
                    }
                    summary = summaryWith(summary, pair, corrected);
                    pair = corrected;
                }
                sentences.add(pair);
            }
            paragraphs.add(document.paragraphs().get(p).withSentences(sentences));
        }
        BilingualDocument corrected = new BilingualDocument(document.article(), document.translatedTitle(), paragraphs,
                Optional.ofNullable(summary), document.run(), document.warnings());
        return new Applied(corrected, counts[0], counts[1], counts[2], modelWarnings(document, corrections), reviewed,
                unreviewed);
    }

    private static void check(BilingualDocument document, Corrections corrections, Correction change) {
        String where = "sentence " + change.position() + ": ";
        List<AlignedParagraph> paragraphs = document.paragraphs();
        if (change.paragraph() > paragraphs.size()
                || change.sentence() > paragraphs.get(change.paragraph() - 1).sentences().size()) {
            throw new ReviewException(corrections.file(), where + "article '" + document.id() + "' has no such sentence"
                    + " (the corrections were made on another version of it)");
        }
        SentencePair pair = paragraphs.get(change.paragraph() - 1).sentences().get(change.sentence() - 1);
        if (!pair.source().equals(change.source())) {
            throw new ReviewException(corrections.file(), where + "the French is not the article's (\""
                    + OneLine.of(shortened(pair.source())) + "\"): the corrections were made on another version of it");
        }
        boolean startedElsewhere = change.oldTarget().isPresent() && !change.oldTarget().get().equals(pair.target())
                && !change.newTarget().equals(pair.target());
        if (startedElsewhere) {
            throw new ReviewException(corrections.file(), where + "the English changed since the page was exported"
                    + " (now \"" + OneLine.of(shortened(pair.target())) + "\"): export the corrections again from"
                    + " the current page");
        }
    }

    private static SentencePair applied(SentencePair pair, Correction change, int[] counts) {
        if (!change.newTarget().equals(pair.target())) {
            counts[0]++;
            return new SentencePair(pair.source(), change.newTarget(), TokenIds.NONE, OptionalDouble.empty(),
                    List.of(), pair.flags(), Origin.REVIEWED);
        }
        Origin origin = change.reviewed() ? Origin.REVIEWED : Origin.MACHINE;
        if (origin != pair.origin()) {
            counts[origin == Origin.REVIEWED ? 1 : 2]++;
        }
        return new SentencePair(pair.source(), pair.target(), pair.ids(), pair.confidence(), pair.warnings(),
                pair.flags(), origin);
    }

    /** An extractive summary is the article's own sentences: it shows the corrected English too. */
    private static Summary summaryWith(Summary summary, SentencePair old, SentencePair corrected) {
        if (summary == null || summary.method() != Summary.Method.EXTRACTIVE
                || summary.french().filter(french -> french.contains(old.source())).isEmpty()
                || old.target().isEmpty() || !summary.english().contains(old.target())) {
            return summary;
        }
        return new Summary(summary.method(), summary.english().replace(old.target(), corrected.target()),
                summary.french(), summary.model(), summary.ids(), summary.warnings());
    }

    private static OptionalDouble minConfidence(BilingualDocument document) {
        String min = document.run().settings().get("min_confidence");
        try {
            return min == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(min));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    private static List<String> modelWarnings(BilingualDocument document, Corrections corrections) {
        List<ModelInfo> models = document.run().models();
        if (corrections.models().isEmpty() || corrections.models().equals(models)) {
            return List.of();
        }
        return List.of("the corrections were made on outputs of " + describe(corrections.models())
                + ", the article's files are of " + describe(models) + "; the sentences matched, so they apply");
    }

    private static String describe(List<ModelInfo> models) {
        return models.stream().map(m -> m.name() + " (sha256 " + m.weightsSha256().substring(0,
                Math.min(12, m.weightsSha256().length())) + "…)").reduce((a, b) -> a + ", " + b).orElse("no model");
    }

    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
