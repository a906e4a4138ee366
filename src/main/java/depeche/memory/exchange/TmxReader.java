package depeche.memory.exchange;

import depeche.document.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a TMX file (1.4b; 1.1's {@code lang} attribute too): one pair per {@code <tu>} that has a French and an
 * English {@code <tuv>} (the first of each, by the primary subtag of {@code xml:lang}: {@code fr-FR} is French).
 * The text of a {@code <seg>} is taken without its inline codes ({@code bpt}, {@code ept}, {@code ph}, {@code it},
 * {@code ut}), with the text of {@code <hi>}.
 *
 * <p>TMX says nothing about review, and a translation memory is what translators keep: every pair is
 * {@link Origin#REVIEWED}, except a unit with {@code <prop type="x-depeche-origin">machine</prop>}, which is how
 * depeche marks the model's output in the TMX it writes, so that reading it back does not make machine output
 * a reviewer's.
 */
public final class TmxReader {
    /** The {@code <prop>} type depeche writes on each unit: {@code machine} or {@code reviewed}. */
    public static final String ORIGIN_PROP = "x-depeche-origin";
    private static final Set<String> CODES = Set.of("bpt", "ept", "ph", "it", "ut");

    private TmxReader() {
    }

    /** @throws ExchangeException naming the file and line when it cannot be read or is not TMX */
    public static ExchangeFile read(Path file) {
        return Exchanges.parse(file, TmxReader::read);
    }

    private static ExchangeFile read(Path file, XMLStreamReader xml) throws XMLStreamException {
        String root = XmlText.root(xml);
        if (!"tmx".equals(root)) {
            throw new ExchangeException(file, "not a TMX file: its root element is <" + root + ">, not <tmx>");
        }
        List<ExchangePair> pairs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT && "tu".equals(xml.getLocalName())) {
                unit(xml, pairs, skipped);
            }
        }
        return new ExchangeFile(file, pairs, skipped);
    }

    /** Reads the {@code <tu>} the reader is on, to its end tag. */
    private static void unit(XMLStreamReader xml, List<ExchangePair> pairs, List<String> skipped)
            throws XMLStreamException {
        int line = xml.getLocation().getLineNumber();
        Optional<String> id = Optional.ofNullable(xml.getAttributeValue(null, "tuid")).filter(s -> !s.isBlank());
        String french = null;
        String english = null;
        Origin origin = Origin.REVIEWED;
        int depth = 1;
        String lang = null;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                switch (xml.getLocalName()) {
                    case "prop" -> {
                        String type = xml.getAttributeValue(null, "type");
                        String value = XmlText.content(xml, Set.of()).strip();
                        if (ORIGIN_PROP.equals(type) && "machine".equals(value)) {
                            origin = Origin.MACHINE;
                        }
                    }
                    case "tuv" -> {
                        lang = XmlText.primary(XmlText.lang(xml));
                        depth++;
                    }
                    case "seg" -> {
                        String text = XmlText.content(xml, CODES);
                        if ("fr".equals(lang) && french == null) {
                            french = text;
                        } else if ("en".equals(lang) && english == null) {
                            english = text;
                        }
                    }
                    default -> XmlText.skip(xml); // note, and anything else: not a translation
                }
            }
        }
        ExchangePair pair = new ExchangePair(id, line, french == null ? "" : french, english == null ? "" : english,
                origin);
        Exchanges.keep(pair, french != null, english != null, "French (fr) <tuv>", "English (en) <tuv>",
                pairs, skipped);
    }
}
