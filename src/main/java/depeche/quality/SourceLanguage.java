package depeche.quality;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfile;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a source text is French, by language identification (optimaize language-detector: character n-gram
 * profiles, naive Bayes). Only French, English, their Romance and Germanic neighbours and the two other scripts
 * most often met in French news are loaded: fewer profiles mean fewer wrong guesses on short texts, a 0.6 s
 * start and a few MB of memory (Lingua was measured too, and not taken: see the README).
 *
 * <p>Short texts are unreliable ("Non, merci." reads as Italian), so a sentence is only judged from
 * {@value #MIN_SENTENCE_LETTERS} letters on, and only a confident guess counts. The one detector is shared: it is
 * immutable once built.
 */
public final class SourceLanguage {
    /** Sentences with fewer letters are not judged. */
    static final int MIN_SENTENCE_LETTERS = 40;
    /** A sentence is not French when another language has at least this probability. */
    static final double SENTENCE_CONFIDENCE = 0.95;
    /** An article is not French when another language has at least this probability. */
    static final double ARTICLE_CONFIDENCE = 0.90;

    private static final List<String> PROFILES = List.of("fr", "en", "es", "it", "pt", "ca", "de", "nl", "ar", "ru");

    /** Whether {@code text} has letters enough ({@value #MIN_SENTENCE_LETTERS}) for its language to be judged. */
    public static boolean judgeable(String text) {
        return text.codePoints().filter(Character::isLetter).limit(MIN_SENTENCE_LETTERS).count()
                >= MIN_SENTENCE_LETTERS;
    }

    /** A language other than French, and how sure the detector is. */
    public record Guess(String language, double probability) {
        /** The language's English name ("English"), for people. */
        public String name() {
            return Locale.forLanguageTag(language).getDisplayLanguage(Locale.ENGLISH);
        }

        /** "English (97 %)". */
        public String describe() {
            return name() + " (" + LengthRatioCheck.percent(probability) + " %)";
        }
    }

    private static final class Holder {
        static final LanguageDetector DETECTOR = build();
    }

    /**
     * The text filters, made at the first text long enough to judge: a one-line {@code translate} never needs them,
     * and making them (Guava's and the detector's classes, their patterns) took 10-20 ms after its translation.
     */
    private static final class Filters {
        static final TextObjectFactory SENTENCES = CommonTextObjectFactories.forDetectingShortCleanText();
        static final TextObjectFactory ARTICLES = CommonTextObjectFactories.forDetectingOnLargeText();
    }

    /**
     * Starts reading the language profiles (0.2 s) on a thread of its own, for a command that checks translations
     * only after loading a model and translating: the detector is then ready when the checks need it. A failure
     * there is left for the checks to meet and report.
     */
    public static void prepareInBackground() {
        Thread reader = new Thread(() -> {
            try {
                Objects.requireNonNull(Holder.DETECTOR);
            } catch (RuntimeException | LinkageError e) {
                // reported by the check that needs the detector
            }
        }, "depeche-language-profiles");
        reader.setDaemon(true);
        reader.start();
    }

    /** The language of a sentence when it is confidently not French; empty when French, short or unsure. */
    public Optional<Guess> sentence(String text) {
        if (!judgeable(text)) {
            return Optional.empty();
        }
        return notFrench(Holder.DETECTOR.getProbabilities(Filters.SENTENCES.forText(text)), SENTENCE_CONFIDENCE);
    }

    /**
     * The language of a whole article when it is confidently not French; empty as well when the whole text is too
     * short to judge (a one-line {@code translate}), by the rule for sentences.
     */
    public Optional<Guess> article(String text) {
        if (!judgeable(text)) {
            return Optional.empty();
        }
        return notFrench(Holder.DETECTOR.getProbabilities(Filters.ARTICLES.forText(text)), ARTICLE_CONFIDENCE);
    }

    private static Optional<Guess> notFrench(List<DetectedLanguage> guesses, double needed) {
        if (guesses.isEmpty()) {
            return Optional.empty();
        }
        DetectedLanguage best = guesses.get(0);
        String language = best.getLocale().getLanguage();
        return !language.equals("fr") && best.getProbability() >= needed
                ? Optional.of(new Guess(language, best.getProbability())) : Optional.empty();
    }

    private static LanguageDetector build() {
        try {
            List<LanguageProfile> profiles = new LanguageProfileReader().read(PROFILES);
            return LanguageDetectorBuilder.create(NgramExtractors.standard()).withProfiles(profiles).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the language profiles", e);
        }
    }
}
