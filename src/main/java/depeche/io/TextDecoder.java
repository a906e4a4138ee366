package depeche.io;

import com.ibm.icu.text.CharsetDetector;
import com.ibm.icu.text.CharsetMatch;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bytes to text, never silently wrong: strict UTF-8 (with or without byte-order mark), UTF-16
 * with a byte-order mark, and legacy Western encodings only when ICU recognises them with high
 * confidence and the result looks like French; anything else is refused with a message saying
 * how to convert the file.
 */
final class TextDecoder {

    /** ICU's confidence (0–100) from which a legacy encoding is trusted. */
    private static final int MIN_CONFIDENCE = 50;

    /** What ICU reports for French text in a legacy encoding; windows-1252 decodes both. */
    private static final Set<String> WESTERN = Set.of("ISO-8859-1", "windows-1252");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * Non-ASCII characters French text in windows-1252 may hold. Other decodings of legacy bytes
     * (MacRoman, ISO-8859-15's œ and €) give characters outside this set, so they are refused
     * rather than turned into mojibake.
     */
    private static final String PLAUSIBLE_NON_ASCII = "àâäæçéèêëîïôöœùûüÿÀÂÄÆÇÉÈÊËÎÏÔÖŒÙÛÜŸ"
            + "áãåíñóõøúßÁÃÅÍÑÓÕØÚ" // names from neighbouring languages
            + "«»‘’“”–—…€°§²³·×\u00A0";

    /** "Ã©" for "é", "â€™" for "’": UTF-8 that was decoded as windows-1252 and encoded again. */
    private static final Pattern DOUBLE_ENCODED = Pattern.compile("Ã[\\u00A0-\\u00BF]|â€");

    private TextDecoder() {}

    /**
     * Decodes {@code bytes} read from {@code file}.
     *
     * @param markup whether the text is HTML, so that encoding detection looks past the tags
     * @throws ArticleReadException when the encoding is not supported or not recognised
     */
    static DecodedText decode(Path file, byte[] bytes, boolean markup) {
        String text;
        List<String> warnings = new ArrayList<>();
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            text = strictUtf(file, bytes, 3, StandardCharsets.UTF_8);
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            text = strictUtf(file, bytes, 2, StandardCharsets.UTF_16LE);
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            text = strictUtf(file, bytes, 2, StandardCharsets.UTF_16BE);
        } else {
            Optional<String> utf8 = strict(bytes, 0, StandardCharsets.UTF_8);
            text = utf8.isPresent() ? utf8.get() : legacy(file, bytes, markup, warnings);
        }
        if (text.indexOf('\0') >= 0) {
            throw nulRefusal(file, bytes, text, markup);
        }
        if (DOUBLE_ENCODED.matcher(text).find()) {
            warnings.add("text holds mojibake such as 'Ã©' for 'é' or 'â€™' for '’':"
                    + " the file was probably converted to UTF-8 twice");
        }
        return new DecodedText(text, warnings);
    }

    private static String strictUtf(Path file, byte[] bytes, int offset, Charset charset) {
        return strict(bytes, offset, charset).orElseThrow(() -> new ArticleReadException(file,
                "starts with a " + charset.name() + " byte-order mark but is not valid " + charset.name()));
    }

    private static String legacy(Path file, byte[] bytes, boolean markup, List<String> warnings) {
        String problem = "not valid UTF-8 (" + firstInvalidByte(bytes) + ")";
        CharsetMatch match = detect(bytes, markup);
        if (match != null && WESTERN.contains(match.getName()) && match.getConfidence() >= MIN_CONFIDENCE) {
            Optional<String> text = strict(bytes, 0, WINDOWS_1252).filter(TextDecoder::looksFrench);
            if (text.isPresent()) {
                warnings.add(problem + ": decoded as windows-1252, recognised with " + match.getConfidence()
                        + "% confidence; check the accents, and convert the file to UTF-8 to be sure");
                return text.get();
            }
        }
        throw refusal(file, problem, match);
    }

    private static ArticleReadException refusal(Path file, String problem, CharsetMatch match) {
        if (match == null || match.getConfidence() < MIN_CONFIDENCE) {
            return new ArticleReadException(file, problem + " and its encoding is not recognised; convert it to UTF-8");
        }
        String guess = match.getName();
        if (guess.equals("UTF-8")) {
            // Converting from UTF-8 to UTF-8 would fail on the same bytes: the file itself is damaged.
            return new ArticleReadException(file, problem + ", though the rest looks like UTF-8: the file is damaged"
                    + " or mixes encodings; fix those bytes, or save it again as UTF-8");
        }
        return new ArticleReadException(file, problem + ", looks like " + guess
                + "; convert it to UTF-8, e.g. iconv -f " + guess + " -t UTF-8 '" + file + "' > converted");
    }

    /**
     * Text never holds NUL: a file that does is UTF-16 or UTF-32 without a byte-order mark (ASCII in UTF-16 is
     * also valid UTF-8, one NUL every other byte), or not text at all.
     */
    private static ArticleReadException nulRefusal(Path file, byte[] bytes, String text, boolean markup) {
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            return new ArticleReadException(file, "holds NUL characters (the first is character "
                    + text.indexOf('\0') + " after the byte-order mark), so it is a binary file, not text");
        }
        String found = "holds NUL bytes (the first at offset " + indexOfZero(bytes) + ")";
        CharsetMatch match = detect(bytes, markup);
        if (match != null && match.getConfidence() >= MIN_CONFIDENCE && match.getName().startsWith("UTF-")
                && !match.getName().equals("UTF-8")) {
            String guess = match.getName();
            return new ArticleReadException(file, found + ": it looks like " + guess + " without a byte-order mark;"
                    + " convert it to UTF-8, e.g. iconv -f " + guess + " -t UTF-8 '" + file + "' > converted");
        }
        return new ArticleReadException(file, found + ", so it is a binary file, not text");
    }

    private static int indexOfZero(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static CharsetMatch detect(byte[] bytes, boolean markup) {
        CharsetDetector detector = new CharsetDetector();
        detector.enableInputFilter(markup);
        detector.setText(bytes);
        return detector.detect();
    }

    private static boolean looksFrench(String text) {
        return text.chars().allMatch(c -> c < 0x7F || PLAUSIBLE_NON_ASCII.indexOf(c) >= 0);
    }

    private static Optional<String> strict(byte[] bytes, int offset, Charset charset) {
        try {
            return Optional.of(decoder(charset).decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static String firstInvalidByte(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder(StandardCharsets.UTF_8).decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError()
                ? String.format("byte 0x%02X at offset %d", bytes[in.position()] & 0xFF, in.position())
                : "truncated at the end";
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
