package depeche.quality;

import depeche.document.AlignedParagraph;
import depeche.document.Flag;
import depeche.document.Origin;
import depeche.document.SentencePair;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Every quality check, run on translated text: the one place flags are set, whoever translated ({@code translate},
 * the batch job, the Spark job) and whenever (after the model, after a reviewer's correction). Each sentence pair
 * gets the flags of the model-free checks (numbers, copy, untranslated, length, repetition, balance, language) and,
 * when a minimum confidence is set, of the model's confidence; the flags the translator set about the model's
 * output (cut, split) stay. A whole text is also identified as a language: when it is not French, every sentence
 * says so.
 */
public final class QualityChecks {
    private final OptionalDouble minConfidence;
    private final SourceLanguage language = new SourceLanguage();
    private final List<SentenceCheck> textChecks;

    /**
     * @param minConfidence flag sentences whose confidence is under this; empty to never flag on confidence
     */
    public QualityChecks(OptionalDouble minConfidence) {
        this.minConfidence = minConfidence;
        this.textChecks = List.of(new NumberCheck(), new UntranslatedCheck(), new LengthRatioCheck(),
                new RepetitionCheck(), new BalanceCheck(), new LanguageCheck(language));
    }

    /** The checks without a confidence threshold. */
    public static QualityChecks standard() {
        return new QualityChecks(OptionalDouble.empty());
    }

    /** The settings that change the flags, as the outputs record them ({@code min_confidence} when set). */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        minConfidence.ifPresent(min -> settings.put("min_confidence", String.format(Locale.ROOT, "%s", min)));
        return settings;
    }

    /**
     * The pair with its flags recomputed, most severe first. The translator's flags about the model's output (cut,
     * split) are kept on a machine translation and dropped from a reviewer's, as is the confidence flag.
     */
    public SentencePair check(SentencePair pair) {
        boolean machine = pair.origin() == Origin.MACHINE;
        List<Flag> flags = new ArrayList<>();
        for (Flag flag : pair.flags()) {
            Optional<FlagKind> kind = FlagKind.of(flag.code());
            boolean keep = kind.isEmpty() // another tool's flag: not ours to judge
                    || (machine && kind.get().aboutTheModel() && kind.get() != FlagKind.LOW_CONFIDENCE);
            if (keep) {
                flags.add(flag);
            }
        }
        Stream<SentenceCheck> checks = textChecks.stream();
        if (machine && minConfidence.isPresent()) {
            checks = Stream.concat(checks, Stream.of(new ConfidenceCheck(minConfidence.getAsDouble())));
        }
        checks.forEach(check -> check.check(pair).ifPresent(flags::add));
        return pair.withFlags(mostSevereFirst(flags));
    }

    /**
     * Checks the sentences of one text (an article's body, the input of {@code translate}), each alone and then
     * together: when the text as a whole is not French, each sentence gets a flag saying so.
     *
     * @return the checked pairs in the same order, and a warning when the text is not French
     */
    public CheckedText checkText(List<SentencePair> sentences) {
        List<SentencePair> checked = sentences.stream().map(this::check).toList();
        String whole = sentences.stream().map(SentencePair::source).collect(Collectors.joining(" "));
        Optional<SourceLanguage.Guess> guess = whole.isBlank() ? Optional.empty() : language.article(whole);
        if (guess.isEmpty()) {
            return new CheckedText(checked, List.of());
        }
        String reads = "the source reads as " + guess.get().describe() + " as a whole, not French";
        Flag flag = FlagKind.NOT_FRENCH.flag(reads);
        List<SentencePair> flagged = checked.stream()
                .map(pair -> pair.flags().stream().anyMatch(FlagKind.NOT_FRENCH::is) ? pair
                        : pair.withFlags(mostSevereFirst(Stream.concat(pair.flags().stream(), Stream.of(flag)).toList())))
                .toList();
        return new CheckedText(flagged, List.of(reads));
    }

    /**
     * Checks an article: its body as one {@link #checkText text} (the headline counts towards its language), and
     * the headline alone, whose flags become warnings ("headline: number-mismatch: …") since the document keeps the
     * headline as plain text.
     */
    public CheckedArticle checkArticle(String title, String translatedTitle, List<AlignedParagraph> body) {
        List<SentencePair> headline = List.of(new SentencePair(title, translatedTitle));
        List<SentencePair> all = Stream.concat(headline.stream(), body.stream().flatMap(p -> p.sentences().stream()))
                .toList();
        CheckedText checked = checkText(all);
        Iterator<SentencePair> pairs = checked.sentences().iterator();
        SentencePair checkedHeadline = pairs.next();
        List<AlignedParagraph> paragraphs = new ArrayList<>();
        for (AlignedParagraph paragraph : body) {
            List<SentencePair> mine = new ArrayList<>();
            paragraph.sentences().forEach(s -> mine.add(pairs.next()));
            paragraphs.add(paragraph.withSentences(mine));
        }
        List<String> warnings = new ArrayList<>(checked.warnings());
        checkedHeadline.flags().stream()
                .filter(flag -> !FlagKind.NOT_FRENCH.is(flag) || checked.warnings().isEmpty())
                .forEach(flag -> warnings.add("headline: " + flag.code() + ": " + flag.reason()));
        return new CheckedArticle(paragraphs, warnings);
    }

    /** Checked sentences of one text, in order, and warnings about the text as a whole. */
    public record CheckedText(List<SentencePair> sentences, List<String> warnings) {
        public CheckedText {
            sentences = List.copyOf(sentences);
            warnings = List.copyOf(warnings);
        }
    }

    /** An article's checked body, and warnings about the article as a whole and its headline. */
    public record CheckedArticle(List<AlignedParagraph> body, List<String> warnings) {
        public CheckedArticle {
            body = List.copyOf(body);
            warnings = List.copyOf(warnings);
        }
    }

    private static List<Flag> mostSevereFirst(List<Flag> flags) {
        return flags.stream().sorted(Comparator.comparing(Flag::severity).reversed()).toList();
    }
}
