package depeche.io;

import depeche.document.BilingualDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The output files written per article, as chosen by {@code --formats md,json,html,tmx,xliff}. */
public enum Format {
    /** {@code <id>.md}: headline and summary, then French and English paragraph by paragraph. */
    MD("md", "md", MarkdownWriter::write),
    /** {@code <id>.json}: everything, structured. */
    JSON("json", "json", JsonWriter::write),
    /** {@code <id>.html}: a side-by-side review page; with it comes {@code index.html}. */
    HTML("html", "html", HtmlWriter::write),
    /** {@code <id>.tmx}: the sentence pairs as a TMX 1.4b translation memory. */
    TMX("tmx", "tmx", TmxWriter::write),
    /** {@code <id>.xlf}: an XLIFF 2.0 file for translation tools, with confidence and flags. */
    XLIFF("xliff", "xlf", XliffWriter::write);

    /** The formats a run writes unless told otherwise. */
    public static final String DEFAULT = "md,json,html,tmx";

    @FunctionalInterface
    interface DocumentWriter {
        void write(BilingualDocument document, OutputStream out) throws IOException;
    }

    private final String label;
    private final String extension;
    private final DocumentWriter writer;

    Format(String label, String extension, DocumentWriter writer) {
        this.label = label;
        this.extension = extension;
        this.writer = writer;
    }

    /** The format's name on the command line. */
    public String label() {
        return label;
    }

    /** The file extension ({@code xlf} for XLIFF, else the label). */
    public String extension() {
        return extension;
    }

    void write(BilingualDocument document, OutputStream out) throws IOException {
        writer.write(document, out);
    }

    /**
     * The formats named in a comma-separated list such as {@code "md,json"} (case and spaces
     * ignored, repeats allowed).
     *
     * @throws IllegalArgumentException naming the unknown format and the known ones, or when none is named
     */
    public static Set<Format> parse(String list) {
        Set<Format> formats = EnumSet.noneOf(Format.class);
        for (String name : list.split(",", -1)) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            formats.add(Arrays.stream(values())
                    .filter(format -> format.label.equals(wanted))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException((wanted.isEmpty()
                            ? "empty format name in '" + list + "'"
                            : "unknown format '" + wanted + "'") + " (choose from " + names() + ")")));
        }
        return formats;
    }

    private static String names() {
        return Arrays.stream(values()).map(Format::label).collect(Collectors.joining(", "));
    }
}
