package depeche.io;

import depeche.document.AlignedParagraph;
import depeche.document.Article;
import depeche.document.BilingualDocument;
import depeche.document.Flag;
import depeche.document.ModelInfo;
import depeche.document.Origin;
import depeche.document.RunInfo;
import depeche.document.SentencePair;
import depeche.document.Summary;
import depeche.document.TokenIds;
import depeche.text.SentenceSegmenter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Documents for the writer tests, translated by a stand-in (tests only): "EN: " and the French
 * reversed, so that a translation never contains its source and "appears exactly once" can be checked.
 * Sentence 1.1 has a confidence and an error flag, 1.2 is a reviewer's correction ("REVIEWED: " and the French
 * reversed), 3.2 was split for the model (a warning, an info flag and a confidence).
 */
final class SampleDocument {

    /** A sentence marked as split for the model, to check warnings reach every format. */
    static final String SPLIT_WARNING = "sentence of 612 tokens exceeds the model's limit of 512:"
            + " translated in 2 parts split at commas";

    static final List<String> PARAGRAPHS = List.of(
            "M. Dupont a dit : « 3 < 5 & 7 > 2 ». Les « guillemets \"droits\" » restent.",
            "1. Une liste ? Non : un *astérisque*, un _souligné_, un [lien](https://x.fr) et <b>du gras</b>.",
            "# Pas un titre. Le Secrétaire général de l’OTSC compterait 2\u00A0500 hommes\u202F!");

    /** The flag on sentence 1.1. */
    static final Flag NUMBER_FLAG = new Flag("number-mismatch", Flag.Severity.ERROR,
            "the source's 7 is missing or changed in the English");
    /** The flag on sentence 3.2, the split one. */
    static final Flag SPLIT_FLAG = new Flag("split", Flag.Severity.INFO, SPLIT_WARNING);
    static final double CONFIDENCE_1_1 = -1.25;
    static final double CONFIDENCE_3_2 = -0.4375;

    private SampleDocument() {}

    static BilingualDocument sample() {
        return sample("sample-1", "Le « titre » & <l’article>");
    }

    static BilingualDocument sample(String id, String title) {
        Article article = new Article(id, title, PARAGRAPHS, Path.of("seeds", id + ".txt"),
                Optional.of("https://journal.example/a?x=1&y=\"2\""), Optional.of("2022-01-08"),
                List.of("decoded as windows-1252"));
        SentenceSegmenter segmenter = new SentenceSegmenter();
        List<AlignedParagraph> paragraphs = PARAGRAPHS.stream()
                .map(paragraph -> new AlignedParagraph(segmenter.split(paragraph).stream()
                        .map(SampleDocument::translate)
                        .toList()))
                .toList();
        List<SentencePair> all = paragraphs.stream().flatMap(p -> p.sentences().stream()).toList();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("beams", "4");
        settings.put("summarizer", "extractive");
        Map<String, Duration> timings = new LinkedHashMap<>();
        timings.put("translation", Duration.ofMillis(1234));
        timings.put("summary", Duration.ofMillis(5));
        RunInfo run = new RunInfo("0.1.0-test",
                List.of(new ModelInfo("opus-mt-fr-en", "marian", "ab".repeat(32))), settings, timings);
        return new BilingualDocument(article, "EN: " + title, paragraphs,
                Optional.of(Summary.extractive(List.of(all.get(0), all.get(3)))), run, List.of("document warning"));
    }

    private static SentencePair translate(String french) {
        String reversed = new StringBuilder(french).reverse().toString();
        if (french.startsWith("M. Dupont")) {
            return new SentencePair(french, "EN: " + reversed, TokenIds.of(7, 8, 0), OptionalDouble.of(CONFIDENCE_1_1),
                    List.of(), List.of(NUMBER_FLAG), Origin.MACHINE);
        }
        if (french.startsWith("Les « guillemets")) {
            return new SentencePair(french, "REVIEWED: " + reversed, TokenIds.NONE, OptionalDouble.empty(),
                    List.of(), List.of(), Origin.REVIEWED);
        }
        if (french.startsWith("Le Secrétaire")) {
            return new SentencePair(french, "EN: " + reversed, TokenIds.of(9, 0), OptionalDouble.of(CONFIDENCE_3_2),
                    List.of(SPLIT_WARNING), List.of(SPLIT_FLAG), Origin.MACHINE);
        }
        return new SentencePair(french, "EN: " + reversed);
    }
}
