package depeche.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The words of a sentence, for the checks that count them: letters and digits, apostrophes kept inside. */
final class Words {
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['’][\\p{L}\\p{N}]+)*");

    private Words() {}

    /** The words as written. */
    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The words in lower case. */
    static List<String> lowerCase(String text) {
        return of(text).stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /** The text with case and runs of whitespace ignored, to compare two texts. */
    static String folded(String text) {
        return text.strip().replaceAll("[\\s\\u00A0\\u202F\\u2009]+", " ").toLowerCase(Locale.ROOT);
    }
}
