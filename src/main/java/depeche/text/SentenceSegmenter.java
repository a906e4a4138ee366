package depeche.text;

import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a French paragraph into sentences.
 *
 * <p>ICU's sentence rules (Unicode UAX #29) do most of the work: no break inside "3,5" or
 * "2 500", nor after a period followed by a lower-case word. They are steered for French by
 * running them on a <em>shadow</em> of the text, of the same length, where a few characters are
 * replaced so that the breaks land right:
 * <ul>
 *   <li>the period of an abbreviation (M. Mme Dr Pr Me St p. ex. av. janv. …) or of an initial
 *       ("J. Dupont", "J.-P. Sartre") becomes a neutral character, so it never ends a sentence;</li>
 *   <li>an ellipsis "…" becomes a period: a sentence ends after it when a capital follows
 *       ("Il hésite… Puis il part."), not when a lower-case word does;</li>
 *   <li>the space French puts before a closing » becomes part of the quotation mark, so that
 *       « Il pleut. » keeps its » instead of starting the next sentence with it.</li>
 * </ul>
 * Then a break before a lower-case word is dropped: in French, « Vraiment ? » a-t-il demandé. is
 * one sentence (ICU does this itself after a period, not after ? or !).
 *
 * <p>Decisions: a sentence break inside a long quotation is kept (« A. B », dit-il. gives two
 * sentences, the closing » and the speaker going with the last one); "etc." and "J.-C." end a
 * sentence when a capital follows, since they so often close one; any other single capital
 * letter and a period is taken for an initial, so "la vitamine C. Elle" stays one sentence.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SentenceSegmenter {

    /**
     * Words written with a final period that never ends a sentence (matched case-sensitively).
     * Only those often followed by a capital: after "p. 12 pour" or "art. 3 du", ICU already sees
     * that the sentence goes on. Abbreviations that are also French words ("art", "vol", "ex",
     * "sept") are left out, since "Il a été arrêté pour vol. Il …" must break.
     */
    private static final Set<String> ABBREVIATIONS = Set.of(
            // titles, always followed by a name
            "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Dr", "Drs", "Pr", "Prs", "Me", "Mes",
            "St", "Ste", "Sts", "Stes",
            // references, dates and the like, followed by what they announce
            "p", "pp", "av", "apr", "cf", "env", "chap", "fig", "éd", "coll", "réf", "tél", "vs",
            "janv", "févr", "avr", "juil", "oct", "nov", "déc");

    /** A word made of letters followed by a period, not preceded by a letter, digit or period. */
    private static final Pattern DOTTED_WORD = Pattern.compile("(?<![\\p{L}\\p{N}.])(\\p{L}+)\\.");

    /** Looks like initials but often ends a sentence: "en 44 av. J.-C. Son fils …". */
    private static final Pattern JESUS_CHRIST = Pattern.compile("(?<![\\p{L}.])J\\.-C\\.");

    /** Whitespace right before a closing quotation mark. */
    private static final Pattern SPACE_BEFORE_CLOSING_QUOTE = Pattern.compile("\\s+(?=[»”›])", Pattern.UNICODE_CHARACTER_CLASS);

    private static final char NEUTRAL = '_';

    /**
     * Reads ICU's sentence rules now (40-50 ms, once per process; later splits reuse them), so that a command can
     * do it while it waits anyway (for libtorch to load) instead of at its first split.
     */
    public static void loadRules() {
        BreakIterator.getSentenceInstance(ULocale.FRENCH);
    }

    /** The sentences of {@code paragraph}, in order, without surrounding whitespace; none is empty. */
    public List<String> split(String paragraph) {
        BreakIterator breaks = BreakIterator.getSentenceInstance(ULocale.FRENCH);
        breaks.setText(shadow(paragraph));
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int end = breaks.next(); end != BreakIterator.DONE; end = breaks.next()) {
            if (end < paragraph.length() && continuesSentence(paragraph, end)) {
                continue;
            }
            addTrimmed(paragraph, start, end, sentences);
            start = end;
        }
        return sentences;
    }

    private static String shadow(String text) {
        StringBuilder shadow = new StringBuilder(text);
        Matcher dotted = DOTTED_WORD.matcher(text);
        while (dotted.find()) {
            if (isAbbreviation(dotted.group(1))) {
                shadow.setCharAt(dotted.end() - 1, NEUTRAL);
            }
        }
        Matcher jesusChrist = JESUS_CHRIST.matcher(text);
        while (jesusChrist.find()) {
            shadow.setCharAt(jesusChrist.end() - 1, '.');
        }
        Matcher spaces = SPACE_BEFORE_CLOSING_QUOTE.matcher(text);
        while (spaces.find()) {
            char quote = text.charAt(spaces.end());
            for (int i = spaces.start(); i < spaces.end(); i++) {
                shadow.setCharAt(i, quote);
            }
        }
        for (int i = text.indexOf('…'); i >= 0; i = text.indexOf('…', i + 1)) {
            shadow.setCharAt(i, '.');
        }
        return shadow.toString();
    }

    private static boolean isAbbreviation(String word) {
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        return initial || ABBREVIATIONS.contains(word);
    }

    /** Whether the text after a candidate break goes on with a lower-case word. */
    private static boolean continuesSentence(String text, int breakAt) {
        int next = Spaces.skipForward(text, breakAt, text.length());
        return next < text.length() && Character.isLowerCase(text.codePointAt(next));
    }

    private static void addTrimmed(String text, int start, int end, List<String> sentences) {
        int from = Spaces.skipForward(text, start, end);
        int to = Spaces.skipBackward(text, from, end);
        if (from < to) {
            sentences.add(text.substring(from, to));
        }
    }
}
