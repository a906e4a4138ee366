package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.BilingualDocument;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs a writer into memory, and checks where texts occur. */
final class WriterTestSupport {
    private WriterTestSupport() {}

    static String render(Format format, BilingualDocument document) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.write(document, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Each text occurs exactly once in {@code haystack}, in the order given. */
    static void assertEachOnceInOrder(String haystack, List<String> texts) {
        int previous = -1;
        for (String text : texts) {
            int at = haystack.indexOf(text);
            assertThat(at).as("position of '%s'", text).isGreaterThan(previous);
            assertThat(haystack.indexOf(text, at + 1)).as("second occurrence of '%s'", text).isEqualTo(-1);
            previous = at;
        }
    }
}
