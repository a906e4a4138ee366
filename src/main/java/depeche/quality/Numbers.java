package depeche.quality;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers written with digits in one sentence, read as the language writes them: in French {@code 2 500} and
 * {@code 2.500} are two thousand five hundred and {@code 3,5} is three and a half; in English {@code 2,500} and
 * {@code 3.5}. Dates ({@code 08/01/2022}) and times ({@code 14 h 30}, {@code 2:30 p.m.}) are read whole, since the
 * other language may reorder or rewrite their parts. A target's numbers are {@link #take taken} one by one by the
 * source's; what is not taken is left over.
 */
final class Numbers {

    /** One number, date or time, with every value it may stand for. */
    sealed interface Token permits Amount, Date, Time {
        /** As written in the sentence. */
        String text();

        /** The whole number it is when it could have been written as a word ({@code deux}, {@code two}); else -1. */
        default int wordValue() {
            return -1;
        }
    }

    /** A number: {@code values} holds each reading of it (French {@code 1,500} may be 1.5, or 1500 in wire copy). */
    record Amount(String text, Set<String> values, boolean percent) implements Token {
        @Override
        public int wordValue() {
            for (String value : values) {
                if (!percent && value.matches("\\d{1,3}") && Integer.parseInt(value) <= 1000) {
                    return Integer.parseInt(value);
                }
            }
            return -1;
        }
    }

    /**
     * A date: {@code readings} are its (day, month, year) readings; {@code parts} are the amounts its day and year
     * also count as (an English date written with the month's name, whose numbers a French date may match).
     */
    record Date(String text, List<int[]> readings, List<Amount> parts) implements Token {}

    /** A time of day, as hours (0-23) and minutes; {@code readings} holds both halves of the day when unsaid. */
    record Time(String text, List<int[]> readings, int hour, int minute) implements Token {}

    private static final String SPACES = " \u00A0\u202F\u2009";
    private static final Pattern DIGIT_DATE =
            Pattern.compile("(?<![\\d.,/])(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4}|\\d{2})(?![\\d/])");
    private static final Pattern FRENCH_TIME =
            Pattern.compile("(?<![\\d.,])(\\d{1,2}) ?h ?(\\d{2})?(?![\\p{L}\\d])");
    private static final Pattern ENGLISH_TIME = Pattern.compile("(?<![\\d.,])(\\d{1,2})(?:([:.h])(\\d{2}))?"
            + "(?: ?([ap])\\.? ?m\\b\\.?)?(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october"
            + "|november|december";
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\d.,])(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(" + MONTHS + ")(?:,? (\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(" + MONTHS + ") (\\d{1,2})(?:st|nd|rd|th)?(?![\\d])(?:,? (\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern FRENCH_PERCENT = Pattern.compile("\\G[" + SPACES + "]?(%|pour ?cent\\b)");
    private static final Pattern ENGLISH_PERCENT = Pattern.compile("\\G[" + SPACES + "]?(%|per ?cent\\b)",
            Pattern.CASE_INSENSITIVE);

    private final List<Token> tokens;
    private final List<Token> untaken;

    private Numbers(List<Token> tokens) {
        this.tokens = List.copyOf(tokens);
        this.untaken = new ArrayList<>(tokens);
    }

    /** The numbers of a French sentence. */
    static Numbers french(String text) {
        List<Token> found = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        Matcher date = DIGIT_DATE.matcher(text);
        while (date.find()) {
            int day = Integer.parseInt(date.group(1));
            int month = Integer.parseInt(date.group(3));
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                found.add(new Date(date.group(), List.<int[]>of(new int[] {day, month, year(date.group(4))}), List.of()));
                blank(rest, date.start(), date.end());
            }
        }
        Matcher time = FRENCH_TIME.matcher(rest);
        while (time.find()) {
            int hour = Integer.parseInt(time.group(1));
            int minute = time.group(2) == null ? 0 : Integer.parseInt(time.group(2));
            if (hour <= 24 && minute < 60) {
                found.add(new Time(time.group().strip(), List.<int[]>of(new int[] {hour % 24, minute}), hour, minute));
                blank(rest, time.start(), time.end());
            }
        }
        found.addAll(amounts(rest.toString(), true));
        return new Numbers(found);
    }

    /** The numbers of an English sentence. */
    static Numbers english(String text) {
        List<Token> found = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);
        Matcher date = DIGIT_DATE.matcher(text);
        while (date.find()) {
            int first = Integer.parseInt(date.group(1));
            int second = Integer.parseInt(date.group(3));
            int year = year(date.group(4));
            List<int[]> readings = new ArrayList<>();
            if (first <= 31 && second <= 12) {
                readings.add(new int[] {first, second, year});
            }
            if (second <= 31 && first <= 12) {
                readings.add(new int[] {second, first, year});
            }
            if (!readings.isEmpty()) {
                found.add(new Date(date.group(), readings, List.of()));
                blank(rest, date.start(), date.end());
            }
        }
        Matcher time = ENGLISH_TIME.matcher(rest);
        while (time.find()) {
            boolean hasMinutes = time.group(3) != null;
            boolean hasHalf = time.group(4) != null;
            String separator = hasMinutes ? time.group(2) : "";
            // "3.5" is a number and "8" is a number; "8 a.m.", "8:30" and "2.30 p.m." are times.
            if ((!hasMinutes && !hasHalf) || (separator.equals(".") && !hasHalf)) {
                continue;
            }
            int hour = Integer.parseInt(time.group(1));
            int minute = hasMinutes ? Integer.parseInt(time.group(3)) : 0;
            if (hour > 24 || minute > 59) {
                continue;
            }
            List<int[]> readings = new ArrayList<>();
            if (hasHalf) {
                boolean pm = time.group(4).equalsIgnoreCase("p");
                readings.add(new int[] {hour % 12 + (pm ? 12 : 0), minute});
            } else {
                readings.add(new int[] {hour % 24, minute});
                if (hour < 12) {
                    readings.add(new int[] {hour + 12, minute});
                }
            }
            found.add(new Time(time.group().strip(), readings, hour, minute));
            blank(rest, time.start(), time.end());
        }
        List<Amount> amounts = amounts(rest.toString(), false);
        found.addAll(amounts);
        found.addAll(namedDates(rest.toString(), amounts));
        return new Numbers(found);
    }

    /** Every token of the sentence, in the order found. */
    List<Token> tokens() {
        return tokens;
    }

    /** The tokens no {@link #take} has taken; dates written with the month's name are never left over. */
    List<Token> untaken() {
        return untaken.stream().filter(t -> !(t instanceof Date d && !d.parts().isEmpty())).toList();
    }

    /** Takes a token of this sentence that stands for {@code wanted}; false when there is none left. */
    boolean take(Token wanted) {
        for (Token token : untaken) {
            if (matches(wanted, token)) {
                untaken.remove(token);
                if (token instanceof Date date) {
                    date.parts().forEach(untaken::remove);
                }
                return true;
            }
        }
        // A time may be said as hours ("14 h" is "2 p.m." or "14 hours"): its hour, and minutes if any, as numbers.
        if (wanted instanceof Time time) {
            Amount hour = amount(Integer.toString(time.hour()));
            Amount minute = amount(Integer.toString(time.minute()));
            Token hourToken = untaken.stream().filter(t -> matches(hour, t)).findFirst().orElse(null);
            Token minuteToken = time.minute() == 0 ? null
                    : untaken.stream().filter(t -> t != hourToken && matches(minute, t)).findFirst().orElse(null);
            if (hourToken != null && (time.minute() == 0 || minuteToken != null)) {
                untaken.remove(hourToken);
                untaken.remove(minuteToken);
                return true;
            }
        }
        return false;
    }

    private static boolean matches(Token wanted, Token candidate) {
        if (wanted instanceof Amount a && candidate instanceof Amount b) {
            return a.percent() == b.percent() && a.values().stream().anyMatch(b.values()::contains);
        }
        if (wanted instanceof Date a && candidate instanceof Date b) {
            return a.readings().stream().anyMatch(x -> b.readings().stream().anyMatch(y -> sameDate(x, y)));
        }
        if (wanted instanceof Time a && candidate instanceof Time b) {
            return a.readings().stream().anyMatch(x -> b.readings().stream()
                    .anyMatch(y -> x[0] == y[0] && x[1] == y[1]));
        }
        // "20 heures" may become "8 p.m.".
        if (wanted instanceof Amount a && candidate instanceof Time b && !a.percent() && b.minute() == 0) {
            return b.readings().stream().anyMatch(y -> a.values().contains(Integer.toString(y[0])));
        }
        return false;
    }

    private static boolean sameDate(int[] a, int[] b) {
        boolean sameYear = a[2] < 0 || b[2] < 0 || a[2] == b[2] || (Math.min(a[2], b[2]) < 100 && a[2] % 100 == b[2] % 100);
        return a[0] == b[0] && a[1] == b[1] && sameYear;
    }

    private static int year(String digits) {
        return digits == null ? -1 : Integer.parseInt(digits);
    }

    private static void blank(StringBuilder text, int start, int end) {
        for (int i = start; i < end; i++) {
            text.setCharAt(i, ' ');
        }
    }

    /** "8 January 2022", "January 8, 2022": dates whose day and year are also amounts of the sentence. */
    private static List<Date> namedDates(String text, List<Amount> amounts) {
        List<Date> dates = new ArrayList<>();
        for (boolean dayFirst : new boolean[] {true, false}) {
            Matcher m = (dayFirst ? DAY_MONTH : MONTH_DAY).matcher(text);
            while (m.find()) {
                String dayText = m.group(dayFirst ? 1 : 2);
                String monthText = m.group(dayFirst ? 2 : 1);
                int month = List.of(MONTHS.split("\\|")).indexOf(monthText.toLowerCase(Locale.ROOT)) + 1;
                int day = Integer.parseInt(dayText);
                List<Amount> parts = new ArrayList<>();
                findAmount(amounts, dayText, parts);
                if (m.group(3) != null) {
                    findAmount(amounts, m.group(3), parts);
                }
                dates.add(new Date(m.group(), List.<int[]>of(new int[] {day, month, year(m.group(3))}), parts));
            }
        }
        return dates;
    }

    private static void findAmount(List<Amount> amounts, String digits, List<Amount> into) {
        amounts.stream().filter(a -> a.text().equals(digits) && !into.contains(a)).findFirst().ifPresent(into::add);
    }

    private static Amount amount(String digits) {
        return new Amount(digits, Set.of(canonical(digits)), false);
    }

    /**
     * Runs of digits and separators, each read as one number when the language allows it, else as several: a
     * French {@code 2 500} is one number, an English {@code 1,5} is 1 and 5 (a French decimal left untouched).
     */
    private static List<Amount> amounts(String text, boolean french) {
        List<Amount> amounts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (!Character.isDigit(text.charAt(i)) || (i > 0 && Character.isDigit(text.charAt(i - 1)))) {
                i++;
                continue;
            }
            int end = runEnd(text, i, french);
            String run = text.substring(i, end);
            Matcher percent = (french ? FRENCH_PERCENT : ENGLISH_PERCENT).matcher(text);
            boolean isPercent = percent.find(end);
            isPercent = isPercent && percent.start() == end;
            Set<String> readings = french ? frenchReadings(run) : englishReadings(run);
            if (!readings.isEmpty()) {
                amounts.add(new Amount(run, readings, isPercent));
            } else {
                // Not a number this language writes: its digit groups one by one.
                List<String> groups = List.of(run.split("[^\\d]+"));
                for (int g = 0; g < groups.size(); g++) {
                    boolean last = g == groups.size() - 1;
                    amounts.add(new Amount(groups.get(g), Set.of(canonical(groups.get(g))), last && isPercent));
                }
            }
            i = end;
        }
        return amounts;
    }

    /**
     * Where the run of digits starting at {@code start} ends: digit groups joined by ',' or '.', or by a space
     * when the next group has exactly three digits ("2 500"; in English only a no-break or thin space).
     */
    private static int runEnd(String text, int start, boolean french) {
        int end = start;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        while (end + 1 < text.length()) {
            char separator = text.charAt(end);
            boolean space = SPACES.indexOf(separator) >= 0;
            boolean joins = separator == ',' || separator == '.' || (space && (french || separator != ' '));
            if (!joins || !Character.isDigit(text.charAt(end + 1))) {
                break;
            }
            int groupEnd = end + 1;
            while (groupEnd < text.length() && Character.isDigit(text.charAt(groupEnd))) {
                groupEnd++;
            }
            if (space && groupEnd - end - 1 != 3) {
                break;
            }
            end = groupEnd;
        }
        return end;
    }

    /** French: spaces or dots between thousands and a decimal comma; wire copy in English style is read too. */
    private static Set<String> frenchReadings(String run) {
        Set<String> readings = new LinkedHashSet<>();
        read(run, "[" + SPACES + ".]", ",").ifPresent(readings::add);
        read(run, "[" + SPACES + ",]", ".").ifPresent(readings::add);
        return readings;
    }

    /** English: commas (or no-break spaces) between thousands, a decimal point. */
    private static Set<String> englishReadings(String run) {
        Set<String> readings = new LinkedHashSet<>();
        read(run, "[" + SPACES + ",]", ".").ifPresent(readings::add);
        return readings;
    }

    /**
     * The value of {@code run} read with {@code thousands} between groups of three digits and at most one
     * {@code decimal} mark after them; empty when the run is not written that way.
     */
    private static Optional<String> read(String run, String thousands, String decimal) {
        int mark = run.lastIndexOf(decimal);
        String whole = mark < 0 ? run : run.substring(0, mark);
        String fraction = mark < 0 ? "" : run.substring(mark + 1);
        if (!fraction.matches("\\d*") || (mark >= 0 && fraction.isEmpty())) {
            return Optional.empty();
        }
        String[] groups = whole.split(thousands, -1);
        for (int g = 0; g < groups.length; g++) {
            boolean ok = g == 0 ? groups[g].matches(groups.length > 1 ? "\\d{1,3}" : "\\d+") : groups[g].matches("\\d{3}");
            if (!ok) {
                return Optional.empty();
            }
        }
        return Optional.of(canonical(String.join("", groups) + (fraction.isEmpty() ? "" : "." + fraction)));
    }

    /** One spelling per value: 3.50 and 3.5 and 03.5 are equal. */
    private static String canonical(String plain) {
        BigDecimal value = new BigDecimal(plain).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }
}
