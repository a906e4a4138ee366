package depeche.io;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What depeche reads of one input file, so that an absurd file (a 200 MB log named {@code .txt}, one 5 MB line,
 * Markdown or HTML nested thousands of levels deep) is refused with one line instead of costing the run its
 * memory, its stack or hours; the other files are read as usual. The limits are far above any news article:
 * <ul>
 *   <li>{@value #MAX_ARTICLE_FILE_BYTES} bytes for a {@code .txt}, {@code .md} or {@code .html} file (a long
 *       article is 50 kB; a news page with its scripts a few MB), {@value #MAX_JSONL_FILE_BYTES} for a
 *       {@code .jsonl} file of many articles;</li>
 *   <li>{@value #MAX_TEXT_CHARS} characters for a headline or one paragraph (a long paragraph has 2,000);</li>
 *   <li>{@value #MAX_NESTING} levels of nesting in Markdown (quotes, lists, emphasis, links) or HTML (elements),
 *       checked on the parsed tree before anything walks it recursively (real pages nest some 30 levels).</li>
 * </ul>
 */
final class ReadLimits {
    static final long MAX_ARTICLE_FILE_BYTES = 16_000_000;
    static final long MAX_JSONL_FILE_BYTES = 64_000_000;
    static final int MAX_TEXT_CHARS = 100_000;
    static final int MAX_NESTING = 256;

    private ReadLimits() {}

    /** The most bytes a file of this extension may have. */
    static long maxFileBytes(String extension) {
        return extension.equals("jsonl") ? MAX_JSONL_FILE_BYTES : MAX_ARTICLE_FILE_BYTES;
    }

    /**
     * The refusal of a file that has more than {@link #maxFileBytes} bytes.
     *
     * @param size its size, or -1 when unknown (a file that grows, or is not a regular file)
     */
    static ArticleReadException tooLarge(Path file, String extension, long size) {
        return new ArticleReadException(file, (size >= 0 ? "has " + megabytes(size) + ", more than" : "has more than")
                + " the " + megabytes(maxFileBytes(extension)) + " a ." + extension + " file may have; split it");
    }

    /**
     * Refuses a headline or paragraph longer than {@value #MAX_TEXT_CHARS} characters.
     *
     * @param line the {@code .jsonl} line the article is on, or 0
     */
    static void checkTexts(Path file, int line, String title, List<String> paragraphs) {
        if (title.length() > MAX_TEXT_CHARS) {
            throw new ArticleReadException(file, line, tooLong("the headline", title.length()));
        }
        for (int i = 0; i < paragraphs.size(); i++) {
            if (paragraphs.get(i).length() > MAX_TEXT_CHARS) {
                throw new ArticleReadException(file, line, tooLong("paragraph " + (i + 1), paragraphs.get(i).length()));
            }
        }
    }

    /** Refuses a document nested more than {@value #MAX_NESTING} levels deep. */
    static void checkNesting(Path file, int depth, String what) {
        if (depth > MAX_NESTING) {
            throw new ArticleReadException(file, "is nested " + depth + " levels deep (" + what + "), more than the "
                    + MAX_NESTING + " depeche reads");
        }
    }

    private static String tooLong(String what, int length) {
        return String.format(Locale.ROOT, "%s has %,d characters, more than the %,d a headline or paragraph may have",
                what, length, MAX_TEXT_CHARS);
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
