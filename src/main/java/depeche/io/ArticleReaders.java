package depeche.io;

import depeche.document.Article;
import depeche.document.ArticleId;
import depeche.text.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads French articles from {@code .txt}, {@code .md}, {@code .html}/{@code .htm} and
 * {@code .jsonl} files.
 *
 * <p>Text comes out {@link depeche.text.FrenchNormalizer#clean clean}: NFC, invisible characters
 * removed, one space between words. Files are decoded strictly (see {@link TextDecoder}): UTF-8
 * with or without byte-order mark, UTF-16 with one; a legacy Western encoding is accepted only
 * when recognised with confidence, with a warning on the article; anything else is refused.
 *
 * <p>A file past one of the {@link ReadLimits} (its size, a paragraph's length, its nesting) is refused, so
 * an absurd file costs only itself.
 *
 * <p>An article's id is its file name without extension ({@code seeds/foo.txt} → {@code foo}),
 * or a {@code .jsonl} record's {@code id}; see {@link ArticleId} for what ids are accepted.
 */
public final class ArticleReaders {

    /** The file extensions read, in lower case, without the dot. */
    public static final List<String> EXTENSIONS = List.of("txt", "md", "html", "htm", "jsonl");

    private ArticleReaders() {}

    /**
     * Reads the articles of {@code file}.
     *
     * @return its articles, and the errors of the {@code .jsonl} lines that could not be read
     * @throws ArticleReadException when the file as a whole cannot be read: missing, unsupported
     *     extension, unusable encoding, no headline or text, bad id, past one of the {@link ReadLimits};
     *     its message is one line
     */
    public static ReadResult read(Path file) {
        String extension = supportedExtension(file);
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.isRegularFile(file) && Files.size(file) > ReadLimits.maxFileBytes(extension)) {
                throw ReadLimits.tooLarge(file, extension, Files.size(file)); // refused unread
            }
            return read(file, extension, in);
        } catch (NoSuchFileException e) {
            throw new ArticleReadException(file, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new ArticleReadException(file, "permission denied", e);
        } catch (IOException e) {
            throw new ArticleReadException(file, "cannot read: " + OneLine.of(e), e);
        }
    }

    /**
     * Reads the articles of a file whose content comes from elsewhere than the local file system (a Hadoop file
     * system, say), exactly as {@link #read(Path)} reads a file of that name.
     *
     * @param name    the file's name: its extension chooses the reader, its stem is the article id, and it
     *                starts every message
     * @param content the file's bytes; read up to the {@link ReadLimits size limit} and not closed
     * @throws ArticleReadException as {@link #read(Path)}
     */
    public static ReadResult read(Path name, InputStream content) {
        String extension = supportedExtension(name);
        try {
            return read(name, extension, content);
        } catch (IOException e) {
            throw new ArticleReadException(name, "cannot read: " + OneLine.of(e), e);
        }
    }

    /**
     * One article from the fields of a record (a row of a table, say), checked as a {@code .jsonl} line is:
     * {@code id}, {@code title} and {@code text} are required, {@code url} and {@code date} optional; a null or
     * blank value is absent; other fields are ignored.
     *
     * @param source where the record comes from (the article's source)
     * @param line   the record's 1-based position there, for messages
     * @throws ArticleReadException naming {@code source:line} and the problem
     */
    public static Article readRecord(Path source, int line, Map<String, String> fields) {
        return JsonlArticleReader.article(source, line,
                field -> Optional.ofNullable(fields.get(field)).filter(text -> !text.isBlank()), List.of());
    }

    private static ReadResult read(Path file, String extension, InputStream content) throws IOException {
        boolean markup = extension.startsWith("htm");
        DecodedText decoded = TextDecoder.decode(file, bytes(file, extension, content), markup);
        if (extension.equals("jsonl")) {
            return JsonlArticleReader.read(file, decoded);
        }
        String id = idOf(file);
        Article article;
        try {
            article = switch (extension) {
                case "txt" -> TxtArticleReader.read(file, id, decoded);
                case "md" -> MarkdownArticleReader.read(file, id, decoded);
                default -> HtmlArticleReader.read(file, id, decoded);
            };
        } catch (StackOverflowError e) {
            // The last resort: nesting is bounded on the parsed tree, but CommonMark's inline parser recurses
            // while it builds that tree. Nothing is shared or locked there, so only this file is lost.
            throw new ArticleReadException(file, "is nested too deeply to read (more than the "
                    + ReadLimits.MAX_NESTING + " levels depeche reads)");
        }
        ReadLimits.checkTexts(file, 0, article.title(), article.paragraphs());
        return new ReadResult(file, List.of(article), List.of());
    }

    private static String supportedExtension(Path file) {
        String extension = extension(file);
        if (!EXTENSIONS.contains(extension)) {
            throw new ArticleReadException(file, "unsupported file type (expected ." + String.join(", .", EXTENSIONS) + ")");
        }
        return extension;
    }

    /** Whether {@code file}'s name has one of the {@link #EXTENSIONS}. */
    public static boolean isArticleFile(Path file) {
        return EXTENSIONS.contains(extension(file));
    }

    /** The article files directly in {@code folder}, sorted by name; hidden files are left out. */
    public static List<Path> listArticleFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(ArticleReaders::isArticleFile)
                    .filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        }
    }

    private static String idOf(Path file) {
        String name = file.getFileName().toString();
        String id = name.substring(0, name.lastIndexOf('.'));
        ArticleId.problem(id).ifPresent(problem -> {
            throw new ArticleReadException(file, "the file name gives no usable article id: " + problem);
        });
        return id;
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The content's bytes, up to {@link ReadLimits#maxFileBytes}: a larger (or endless) one is refused. */
    private static byte[] bytes(Path file, String extension, InputStream content) throws IOException {
        long limit = ReadLimits.maxFileBytes(extension);
        byte[] bytes = content.readNBytes((int) limit + 1);
        if (bytes.length > limit) {
            throw ReadLimits.tooLarge(file, extension, -1); // it grew, or is not a regular file
        }
        return bytes;
    }
}
