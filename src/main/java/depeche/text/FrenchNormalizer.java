package depeche.text;

import java.text.Normalizer;

/**
 * Two forms of the same French text.
 *
 * <ul>
 *   <li>{@link #clean}: what the output files show. Faithful to the source: NFC, typographic
 *       apostrophes, guillemets and no-break spaces are kept; only what no reader can see or
 *       mean is changed (invisible characters removed, runs of whitespace made one space).</li>
 *   <li>{@link #forModel}: what the translation model receives. One spelling per thing, the one
 *       most frequent in the model's training data: every kind of space is a plain space, curly
 *       apostrophes are straight ones, an ellipsis is three dots. Guillemets are kept: the
 *       model knows them and turns them into English quotes.</li>
 * </ul>
 */
public final class FrenchNormalizer {
    private FrenchNormalizer() {}

    /**
     * The text as the files show it: NFC; control characters, soft hyphens, zero-width spaces,
     * word joiners, byte-order marks, direction marks, lone surrogates and non-characters removed;
     * each run of whitespace (line breaks included) replaced by one space, a no-break one when the
     * run held one (so "2 500" keeps its no-break space); no space at either end.
     */
    public static String clean(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(nfc.length());
        int pendingSpace = 0;
        for (int i = 0; i < nfc.length(); ) {
            int cp = nfc.codePointAt(i);
            i += Character.charCount(cp);
            if (Spaces.isSpace(cp)) {
                if (pendingSpace == 0 || (pendingSpace == ' ' && Spaces.isNoBreak(cp))) {
                    pendingSpace = Spaces.isNoBreak(cp) ? cp : ' ';
                }
            } else if (!isInvisible(cp)) {
                if (pendingSpace != 0 && out.length() > 0) {
                    out.appendCodePoint(pendingSpace);
                }
                pendingSpace = 0;
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /** The text as the translation model receives it; see the class comment. */
    public static String forModel(String text) {
        String cleaned = clean(text);
        StringBuilder out = new StringBuilder(cleaned.length() + 8);
        cleaned.codePoints().forEach(cp -> {
            if (Spaces.isSpace(cp)) {
                out.append(' ');
            } else if (cp == '’' || cp == '‘' || cp == 'ʼ') {
                out.append('\'');
            } else if (cp == '…') {
                out.append("...");
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static boolean isInvisible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.SURROGATE -> true;
            default -> cp == '\u00AD' // soft hyphen
                    || cp == '\u200B' // zero-width space
                    || cp == '\u2060' // word joiner
                    || cp == '\uFEFF' // byte-order mark
                    || cp == '\u200E' || cp == '\u200F' // left-to-right / right-to-left marks
                    || (cp & 0xFFFE) == 0xFFFE; // non-characters U+xxFFFE and U+xxFFFF, not allowed in XML
        };
    }
}
