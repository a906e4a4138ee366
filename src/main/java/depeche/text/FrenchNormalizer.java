package depeche.text;

import java.text.Normalizer;

/**
 * French text as the files show it and the model receives it. Faithful to the source: NFC, typographic
 * apostrophes, guillemets and no-break spaces are kept; only what no reader can see or mean is changed
 * (invisible characters removed, runs of whitespace made one space). The model gets this same text, as HF
 * would: Marian's SentencePiece model applies its own normalization (nmt_nfkc: no-break spaces become spaces,
 * an ellipsis three dots), and rewriting more (say, curly apostrophes) would give other ids than HF for the
 * same sentence.
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
