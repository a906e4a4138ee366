package depeche.document;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Article ids become output file names ({@code <id>.md}, {@code <id>.html}, …) and links in
 * {@code index.html}, so only ids that are safe as both are accepted.
 */
public final class ArticleId {

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit: no path separators, no "..", no hidden files. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,199}");

    /** The review pages' table of contents is {@code index.html}; an article must not overwrite it. */
    private static final String RESERVED = "index";

    private ArticleId() {}

    /** Why {@code id} cannot be used, or empty when it can. */
    public static Optional<String> problem(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.of("empty id");
        }
        if (!SAFE.matcher(id).matches()) {
            return Optional.of("id '" + id + "' is not a safe file name"
                    + " (use 1 to 200 letters, digits, '.', '_' or '-', starting with a letter or digit)");
        }
        if (id.toLowerCase(Locale.ROOT).equals(RESERVED)) {
            return Optional.of("id '" + id + "' is reserved for index.html");
        }
        return Optional.empty();
    }

    /** Returns {@code id}, or throws {@link IllegalArgumentException} saying why it cannot be used. */
    public static String requireValid(String id) {
        problem(id).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return id;
    }
}
