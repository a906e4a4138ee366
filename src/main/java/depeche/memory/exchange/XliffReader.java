package depeche.memory.exchange;

import depeche.document.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an XLIFF 2.0 file from French ({@code srcLang}) to English ({@code trgLang}): one pair per
 * {@code <segment>} with a {@code <target>}, its id {@code file/unit} (and {@code /segment} when the segment
 * has an id). Units marked {@code translate="no"} (depeche's code blocks) and {@code <ignorable>} parts are left
 * out, and so are the inline codes {@code <ph>}, {@code <sc>} and {@code <ec>}; {@code <pc>} and {@code <mrk>} keep their text, {@code <cp>} gives its character.
 *
 * <p>A segment in state {@code reviewed} or {@code final} is {@link Origin#REVIEWED}; {@code initial} (the
 * default) and {@code translated} are {@link Origin#MACHINE}: XLIFF's own states say whether a person approved
 * the translation. XLIFF 1.2 is refused with a one-line error.
 */
public final class XliffReader {
    private static final Set<String> CODES = Set.of("ph", "sc", "ec");
    private static final Set<String> REVIEWED_STATES = Set.of("reviewed", "final");

    private XliffReader() {
    }

    /** @throws ExchangeException naming the file and line when it cannot be read or is not French-English XLIFF 2 */
    public static ExchangeFile read(Path file) {
        return Exchanges.parse(file, XliffReader::read);
    }

    private static ExchangeFile read(Path file, XMLStreamReader xml) throws XMLStreamException {
        String root = XmlText.root(xml);
        if (!"xliff".equals(root)) {
            throw new ExchangeException(file, "not an XLIFF file: its root element is <" + root + ">, not <xliff>");
        }
        String version = String.valueOf(xml.getAttributeValue(null, "version"));
        if (!version.startsWith("2.")) {
            throw new ExchangeException(file, "XLIFF version " + version + " is not read: depeche reads XLIFF 2.0");
        }
        String from = xml.getAttributeValue(null, "srcLang");
        String to = xml.getAttributeValue(null, "trgLang");
        if (!"fr".equals(XmlText.primary(from)) || !"en".equals(XmlText.primary(to))) {
            throw new ExchangeException(file, "translates " + from + " to " + to
                    + "; the translation memory holds French (fr) to English (en)");
        }
        List<ExchangePair> pairs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String fileId = null;
        String unitId = null;
        while (xml.hasNext()) {
            if (xml.next() != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "file" -> fileId = xml.getAttributeValue(null, "id");
                case "unit" -> {
                    unitId = xml.getAttributeValue(null, "id");
                    if ("no".equals(xml.getAttributeValue(null, "translate"))) {
                        XmlText.skip(xml); // not to be translated (code): no translation to keep
                    }
                }
                case "segment" -> segment(xml, id(fileId, unitId, xml.getAttributeValue(null, "id")), pairs, skipped);
                case "ignorable", "originalData", "notes" -> XmlText.skip(xml);
                default -> { } // file, group and module elements: look inside for units
            }
        }
        return new ExchangeFile(file, pairs, skipped);
    }

    /** Reads the {@code <segment>} the reader is on, to its end tag. */
    private static void segment(XMLStreamReader xml, Optional<String> id, List<ExchangePair> pairs,
                                List<String> skipped) throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        String state = Optional.ofNullable(xml.getAttributeValue(null, "state")).orElse("initial");
        String source = null;
        String target = null;
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "source" -> source = XmlText.content(xml, CODES);
                    case "target" -> target = XmlText.content(xml, CODES);
                    default -> XmlText.skip(xml);
                }
            }
        }
        ExchangePair pair = new ExchangePair(id, line, source == null ? "" : source, target == null ? "" : target,
                REVIEWED_STATES.contains(state) ? Origin.REVIEWED : Origin.MACHINE);
        Exchanges.keep(pair, source != null, target != null, "<source>", "<target>", pairs, skipped);
    }

    private static Optional<String> id(String... parts) {
        String joined = Stream.of(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("/"));
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }
}
