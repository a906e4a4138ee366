package depeche.document;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Article ids become output file names ({@code <id>.md}, {@code <id>.html}, …) and links in
 * {@code index.html}, so only ids that are safe as both are accepted, and none whose files could be
 * one of the {@link #RUN_FILES run's own files}.
 */
public final class ArticleId {

    /** Letters, digits, '.', '_' and '-', starting with a letter or digit: no path separators, no "..", no hidden files. */
    private static final Pattern SAFE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,199}");

    /**
     * The files a run writes into its output folder besides each article's own: the review pages' table of
     * contents, the run report, the run state, the lock and the translation memory. Every such file must be
     * named here (a test runs the job and checks); an article whose files ({@code <id>.<extension>}, for any
     * extension, ignoring case as macOS and Windows do) could be one of them is refused.
     */
    public static final Set<String> RUN_FILES = Set.of("index.html", "run-report.json", ".depeche-state.json",
            ".depeche.lock", ".depeche-memory.sqlite");

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
        String stem = id.toLowerCase(Locale.ROOT) + ".";
        return RUN_FILES.stream().filter(file -> file.startsWith(stem)).sorted().findFirst()
                .map(file -> "id '" + id + "' is reserved: its files would overwrite the run's own " + file);
    }

    /** Returns {@code id}, or throws {@link IllegalArgumentException} saying why it cannot be used. */
    public static String requireValid(String id) {
        problem(id).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        return id;
    }
}
