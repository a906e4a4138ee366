package depeche.io;

import depeche.text.FrenchNormalizer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The paragraphs of a plain-text body (a {@code .txt} file after its headline, a {@code .jsonl} "text"). */
final class Paragraphs {

    private static final Pattern BLANK_LINES = Pattern.compile("\\R\\s*\\R\\s*", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private Paragraphs() {}

    /**
     * When the body has a blank line between two non-blank lines, paragraphs are blank-line
     * separated blocks, and the lines of a block are joined (hard-wrapped text); otherwise each
     * line is a paragraph. Each is {@link FrenchNormalizer#clean cleaned}; blank ones are dropped.
     */
    static List<String> split(String body) {
        String trimmed = body.strip();
        Pattern separator = BLANK_LINES.matcher(trimmed).find() ? BLANK_LINES : LINE_BREAK;
        return Arrays.stream(separator.split(trimmed))
                .map(FrenchNormalizer::clean)
                .filter(paragraph -> !paragraph.isEmpty())
                .toList();
    }
}
