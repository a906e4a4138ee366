package depeche.tokenize;

/** Python {@code str} behaviour that HF tokenizers rely on and Java does differently. */
final class PythonText {
    private PythonText() {
    }

    /** Python {@code str.strip()}: its whitespace ({@code str.isspace}) also counts the no-break spaces and U+0085. */
    static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u0085';
    }
}
