package depeche.io;

import java.util.regex.Pattern;

/** Code as read: kept character for character, but for what no file format could carry. */
final class VerbatimText {
    private static final Pattern LINE_ENDING = Pattern.compile("\\r\\n?");
    /** Characters XML 1.0 cannot hold (C0 controls but tab and line feed, non-characters), so no output could. */
    private static final Pattern UNWRITABLE = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]");
    private static final Pattern TRAILING_LINE_BREAKS = Pattern.compile("\\n+$");
    private static final Pattern LEADING_BLANK_LINES = Pattern.compile("^([ \\t]*\\n)+");

    private VerbatimText() {}

    /**
     * {@code text} with line breaks made {@code \n}, without the blank lines that start or end it, and without
     * the control characters no output format can hold; spaces, tabs and indentation are kept.
     */
    static String of(String text) {
        String lines = LINE_ENDING.matcher(text).replaceAll("\n");
        String writable = UNWRITABLE.matcher(lines).replaceAll("");
        return TRAILING_LINE_BREAKS.matcher(LEADING_BLANK_LINES.matcher(writable).replaceFirst("")).replaceFirst("");
    }
}
