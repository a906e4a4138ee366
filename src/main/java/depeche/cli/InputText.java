package depeche.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The text a one-off command works on: its TEXT arguments joined by spaces, or standard input. */
final class InputText {
    private InputText() {
    }

    static String from(List<String> words, InputStream stdin) {
        if (words != null && !words.isEmpty()) {
            return String.join(" ", words);
        }
        try {
            String text = new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
