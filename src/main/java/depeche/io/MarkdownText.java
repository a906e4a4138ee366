package depeche.io;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text made literal in Markdown: what the article says must never turn into formatting, links or HTML. */
final class MarkdownText {

    /**
     * Characters that start inline syntax: emphasis, code, links, HTML, entities, tables,
     * strikethrough. An underscore inside a word ("000_8e5b") never starts emphasis, so it stays
     * as it is, for ids and file names to read well in the raw file.
     */
    private static final Pattern INLINE =
            Pattern.compile("[\\\\`*\\[\\]<>&|~]|(?<![\\p{L}\\p{N}])_|_(?![\\p{L}\\p{N}])");

    /** What starts a block at the beginning of a line: heading, list item, setext underline (">" is escaped inline). */
    private static final Pattern BLOCK_START = Pattern.compile("^([#+=-]|\\d+[.)])");

    private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

    private MarkdownText() {}

    /**
     * {@code text} on one line without surrounding spaces (which could make a code block or a
     * hard line break), with every character that Markdown could interpret escaped.
     */
    static String escape(String text) {
        String oneLine = LINE_BREAK.matcher(text.strip()).replaceAll(" ");
        String inline = INLINE.matcher(oneLine).replaceAll("\\\\$0");
        return BLOCK_START.matcher(inline).replaceFirst(match -> escapeLast(match.group(1)));
    }

    /** "#" → "\#", "1." → "1\.": the backslash goes before the character that makes the block. */
    private static String escapeLast(String marker) {
        int last = marker.length() - 1;
        return Matcher.quoteReplacement(marker.substring(0, last) + "\\" + marker.charAt(last));
    }
}
