package depeche.text;

/** Whitespace as French typography has it: no-break and narrow no-break spaces are spaces too. */
final class Spaces {
    private Spaces() {}

    /**
     * Any Unicode White_Space, including U+00A0, U+202F and U+2007 that {@link Character#isWhitespace} leaves out:
     * the 25 code points of Unicode's PropList.txt (the same since Unicode 6.3), what ICU's
     * {@code UCharacter.isUWhiteSpace} answers (a test compares the two over every code point) without loading ICU's
     * character properties, 58 classes and their data, 20 ms of a one-sentence translate, for this one property.
     */
    static boolean isSpace(int c) {
        return c == ' ' || c >= 0x09 && c <= 0x0D || c == 0x85 || c == 0xA0 || c == 0x1680
                || c >= 0x2000 && c <= 0x200A || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** The spaces French typography puts where a line must not break: "2 500", "« oui »", "Pourquoi ?". */
    static boolean isNoBreak(int codePoint) {
        return codePoint == '\u00A0' || codePoint == '\u202F' || codePoint == '\u2007';
    }

    /** Index of the first non-space character at or after {@code from}, or {@code to}. */
    static int skipForward(CharSequence text, int from, int to) {
        int i = from;
        while (i < to && isSpace(Character.codePointAt(text, i))) {
            i += Character.charCount(Character.codePointAt(text, i));
        }
        return i;
    }

    /** Index just after the last non-space character before {@code to}, or {@code from}. */
    static int skipBackward(CharSequence text, int from, int to) {
        int i = to;
        while (i > from && isSpace(Character.codePointBefore(text, i))) {
            i -= Character.charCount(Character.codePointBefore(text, i));
        }
        return i;
    }
}
