package depeche.summarize;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of a French sentence that carry its meaning, folded so that spelling variants meet:
 * lower case, accents removed ("États" and "Etats" are one word), a final plural s or x dropped.
 * Elided articles and pronouns (l’, d’, qu’) fall away with the stop words.
 */
final class ContentWords {

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    /** Frequent French function words, already folded (no accents). */
    private static final Set<String> STOP_WORDS = Set.of(
            "au", "aux", "avec", "ce", "ces", "cet", "cette", "dans", "de", "des", "du", "elle", "elles", "en", "et",
            "eu", "il", "ils", "je", "la", "le", "les", "leur", "leurs", "lui", "ma", "mais", "me", "meme", "mes",
            "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa",
            "se", "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre", "vous",
            "ete", "etre", "avoir", "ai", "as", "avait", "avaient", "avons", "avez", "ont", "est", "sont", "etait",
            "etaient", "sera", "seront", "serait", "fait", "ca", "cela", "ceci", "celle", "celui", "ceux", "dont",
            "donc", "or", "ni", "car", "si", "plus", "moins", "tres", "tout", "tous", "toute", "toutes", "aussi",
            "comme", "entre", "sans", "sous", "vers", "chez", "apres", "avant", "depuis", "pendant", "lors", "alors",
            "ainsi", "selon", "quand", "lorsque", "puis", "deja", "encore", "y", "a", "peut", "pourrait", "non");

    private ContentWords() {}

    static Set<String> of(String sentence) {
        return Arrays.stream(NON_WORD.split(fold(sentence)))
                .filter(word -> word.length() > 1 && !STOP_WORDS.contains(word))
                .map(ContentWords::singular)
                .collect(Collectors.toSet());
    }

    private static String fold(String text) {
        String decomposed = Normalizer.normalize(text.toLowerCase(Locale.FRENCH), Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("");
    }

    private static String singular(String word) {
        boolean plural = word.length() > 3 && (word.endsWith("s") || word.endsWith("x"));
        return plural ? word.substring(0, word.length() - 1) : word;
    }
}
