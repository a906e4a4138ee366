package depeche.quality;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whole numbers written as words ("deux", "twenty", "first"): a translation may spell out a number the source
 * wrote with digits, or the reverse, and neither is an error.
 */
final class NumberWords {
    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Map<String, Integer> ENGLISH = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7),
            Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11),
            Map.entry("twelve", 12), Map.entry("thirteen", 13), Map.entry("fourteen", 14),
            Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100),
            Map.entry("thousand", 1000), Map.entry("first", 1), Map.entry("second", 2), Map.entry("third", 3),
            Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6), Map.entry("seventh", 7),
            Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10), Map.entry("dozen", 12),
            Map.entry("once", 1), Map.entry("twice", 2), Map.entry("both", 2));

    private static final Map<String, Integer> FRENCH = Map.ofEntries(
            Map.entry("zéro", 0), Map.entry("un", 1), Map.entry("une", 1), Map.entry("deux", 2),
            Map.entry("trois", 3), Map.entry("quatre", 4), Map.entry("cinq", 5), Map.entry("six", 6),
            Map.entry("sept", 7), Map.entry("huit", 8), Map.entry("neuf", 9), Map.entry("dix", 10),
            Map.entry("onze", 11), Map.entry("douze", 12), Map.entry("treize", 13), Map.entry("quatorze", 14),
            Map.entry("quinze", 15), Map.entry("seize", 16), Map.entry("vingt", 20), Map.entry("trente", 30),
            Map.entry("quarante", 40), Map.entry("cinquante", 50), Map.entry("soixante", 60),
            Map.entry("cent", 100), Map.entry("mille", 1000), Map.entry("premier", 1), Map.entry("première", 1),
            Map.entry("deuxième", 2), Map.entry("second", 2), Map.entry("seconde", 2), Map.entry("troisième", 3),
            Map.entry("quatrième", 4), Map.entry("cinquième", 5), Map.entry("sixième", 6), Map.entry("septième", 7),
            Map.entry("huitième", 8), Map.entry("neuvième", 9), Map.entry("dixième", 10),
            Map.entry("douzaine", 12), Map.entry("deuxièmement", 2));

    private NumberWords() {}

    /** The numbers an English text spells out. */
    static Set<Integer> english(String text) {
        return find(text, ENGLISH);
    }

    /** The numbers a French text spells out. */
    static Set<Integer> french(String text) {
        Set<Integer> numbers = find(text, FRENCH);
        // "dix-sept", "quatre-vingts": compounds add up; the parts are there too.
        Matcher compound = Pattern.compile("(\\p{L}+)-(\\p{L}+)").matcher(text.toLowerCase(Locale.ROOT));
        while (compound.find()) {
            Integer a = FRENCH.get(compound.group(1));
            Integer b = FRENCH.get(compound.group(2).replaceAll("s$", ""));
            if (a != null && b != null) {
                numbers.add(a == 4 && b == 20 ? 80 : a + b);
            }
        }
        return numbers;
    }

    private static Set<Integer> find(String text, Map<String, Integer> words) {
        Set<Integer> numbers = new HashSet<>();
        Matcher word = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (word.find()) {
            Integer value = words.get(word.group());
            if (value != null) {
                numbers.add(value);
            }
        }
        return numbers;
    }
}
