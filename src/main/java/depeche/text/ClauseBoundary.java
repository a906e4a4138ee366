package depeche.text;

import com.ibm.icu.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a sentence may be cut, from the best place to the last resort. Each kind finds its cut
 * positions: a cut at {@code i} means one part ends before {@code i} and the next starts at
 * {@code i}, the whitespace around {@code i} becoming the separator between them.
 */
public enum ClauseBoundary {
    /** After ; : ? ! … followed by a space (not "10:30", and not before a closing quotation mark). */
    STRONG_PUNCTUATION("after ';', ':', '?', '!' or '…'", Pattern.compile("[;:?!…](?=\\s+[^\\s»”])")),
    /** After a comma followed by a space (not the decimal comma of "3,5"). */
    COMMA("at commas", Pattern.compile(",(?=\\s)")),
    /** Around incises and quotations: before ( « — – and after ) » when spaces surround them. */
    INCISE("at parentheses, dashes or quotation marks", Pattern.compile("(?<=\\s)(?=[(«—–])|(?<=[)»])(?=\\s)")),
    /** Before a coordinating or subordinating conjunction or a relative pronoun. */
    CONJUNCTION("before conjunctions", Pattern.compile(
            "(?<=\\s)(?=(?:et|mais|ou|donc|car|ni|puis|qui|que|qu'|qu’|dont|où|lorsque|lorsqu'|lorsqu’|quand"
                    + "|parce|puisque|tandis|alors que|afin|pour que|bien que|si bien)\\b)")),
    /** Between two words: no clause boundary gave parts short enough. */
    WORD("between words, as no clause boundary gave parts short enough", Pattern.compile("(?<=\\s)(?=\\S)")),
    /** Between two characters of one word longer than the limit by itself (a URL, a list of digits). */
    CHARACTER("inside a word longer than the limit by itself", null);

    private final String description;
    private final Pattern cutAfterMatch;

    ClauseBoundary(String description, Pattern cutAfterMatch) {
        this.description = description;
        this.cutAfterMatch = cutAfterMatch == null
                ? null
                : Pattern.compile(cutAfterMatch.pattern(), Pattern.UNICODE_CHARACTER_CLASS);
    }

    /** How the sentence was cut, as a reviewer reads it. */
    public String description() {
        return description;
    }

    /** Cut positions strictly inside {@code [start, end)}, ascending. */
    List<Integer> cuts(String text, int start, int end) {
        List<Integer> cuts = new ArrayList<>();
        if (cutAfterMatch == null) {
            // grapheme clusters, so that an accent is never separated from its letter
            BreakIterator characters = BreakIterator.getCharacterInstance();
            characters.setText(text.substring(start, end));
            for (int b = characters.next(); b != BreakIterator.DONE; b = characters.next()) {
                cuts.add(start + b);
            }
        } else {
            Matcher matcher = cutAfterMatch.matcher(text).region(start, end);
            matcher.useTransparentBounds(true);
            while (matcher.find()) {
                cuts.add(matcher.end());
            }
        }
        return cuts;
    }
}
