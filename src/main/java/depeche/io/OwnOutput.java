package depeche.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Recognises the files depeche writes among those an article reader would read, so that a folder holding earlier
 * output (an output folder given as {@code --input}, or review files copied among the articles) is never read
 * back as French articles: review pages and the index by their {@code <meta name="generator" content="depeche">},
 * Markdown review files by their closing "Made by depeche …" line. The other outputs ({@code .json},
 * {@code .tmx}) have extensions no reader takes.
 */
public final class OwnOutput {

    /** How Markdown review files end (see {@link MarkdownWriter}): "Made by depeche 0.1.0 with …". */
    static final String MARKDOWN_SIGNATURE = "Made by depeche ";

    /** Where the generator tag is: {@link HtmlPages} puts it at the top of the head, before the title and style. */
    private static final int HTML_HEAD_BYTES = 4096;
    /** The closing line names the models and their sha256: a few hundred bytes. */
    private static final int MARKDOWN_TAIL_BYTES = 4096;

    private OwnOutput() {}

    /** Whether {@code file} is one depeche wrote; a file that cannot be read is not (its reader will say why). */
    public static boolean isOwnOutput(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                String head = new String(head(file, HTML_HEAD_BYTES), StandardCharsets.UTF_8);
                return HtmlPages.isGenerated(Jsoup.parse(head));
            }
            if (name.endsWith(".md")) {
                String tail = new String(tail(file, MARKDOWN_TAIL_BYTES), StandardCharsets.UTF_8).strip();
                return tail.substring(tail.lastIndexOf('\n') + 1).startsWith(MARKDOWN_SIGNATURE);
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static byte[] head(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(bytes);
        }
    }

    private static byte[] tail(Path file, int bytes) throws IOException {
        try (SeekableByteChannel channel = Files.newByteChannel(file)) {
            long from = Math.max(0, channel.size() - bytes);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - from));
            channel.position(from);
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reads to the end
            }
            return buffer.array();
        }
    }
}
