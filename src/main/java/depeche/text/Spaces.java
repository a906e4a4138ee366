package depeche.text;

import com.ibm.icu.lang.UCharacter;

/** Whitespace as French typography has it: no-break and narrow no-break spaces are spaces too. */
final class Spaces {
    private Spaces() {}

    /** Any Unicode White_Space, including U+00A0, U+202F and U+2007 that {@link Character#isWhitespace} leaves out. */
    static boolean isSpace(int codePoint) {
        return UCharacter.isUWhiteSpace(codePoint);
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
