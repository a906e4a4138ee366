package depeche.memory.exchange;

import depeche.text.OneLine;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads translation exchange files by their extension: {@code .tmx} with {@link TmxReader}, {@code .xlf} and
 * {@code .xliff} with {@link XliffReader}. Both are public for callers that know the format.
 */
public final class Exchanges {
    private Exchanges() {
    }

    /** @throws ExchangeException naming the file when its extension is unknown or it cannot be read */
    public static ExchangeFile read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tmx")) {
            return TmxReader.read(file);
        }
        if (name.endsWith(".xlf") || name.endsWith(".xliff")) {
            return XliffReader.read(file);
        }
        throw new ExchangeException(file, "not a .tmx, .xlf or .xliff file");
    }

    /** Reads a file's XML stream into pairs. */
    interface Parser {
        ExchangeFile parse(Path file, XMLStreamReader xml) throws XMLStreamException;
    }

    /** Runs {@code parser} over the file with the secure StAX reader; every failure is one line naming the file. */
    static ExchangeFile parse(Path file, Parser parser) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = SecureXml.reader(in);
            try {
                return parser.parse(file, xml);
            } catch (XMLStreamException | RuntimeException e) {
                throw failure(file, xml, e);
            } finally {
                xml.close();
            }
        } catch (IOException e) {
            throw new ExchangeException(file, 0, "cannot be read (" + e.getMessage() + ")", e);
        } catch (XMLStreamException e) {
            throw failure(file, null, e);
        }
    }

    /** A parser's error as one line with the line it was found at. */
    static ExchangeException failure(Path file, XMLStreamReader xml, Exception e) {
        if (e instanceof ExchangeException known) {
            return known;
        }
        int line = e instanceof XMLStreamException x && x.getLocation() != null ? x.getLocation().getLineNumber()
                : xml != null ? xml.getLocation().getLineNumber() : 0;
        String message = OneLine.of(e).replaceFirst("^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\] Message: ", "");
        return new ExchangeException(file, line, "not well-formed XML or not readable: " + message, e);
    }

    /** Adds the pair, or one line on why it is left out. */
    static void keep(ExchangePair pair, boolean hasSource, boolean hasTarget, String sourceName, String targetName,
                     List<ExchangePair> pairs, List<String> skipped) {
        if (!hasSource) {
            skipped.add(pair.where() + ": no " + sourceName);
        } else if (!hasTarget) {
            skipped.add(pair.where() + ": no " + targetName);
        } else if (pair.source().isBlank()) {
            skipped.add(pair.where() + ": the French text is empty");
        } else if (pair.target().isBlank()) {
            skipped.add(pair.where() + ": the English text is empty");
        } else {
            pairs.add(pair);
        }
    }
}
