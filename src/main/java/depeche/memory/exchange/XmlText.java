package depeche.memory.exchange;

import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reading StAX streams the way TMX and XLIFF need: an element's text without its inline codes, languages. */
final class XmlText {
    private XmlText() {
    }

    /**
     * The text inside the element the reader is on, up to its end tag (where the reader is left): the text of
     * nested elements too, except of those named in {@code codes}, which hold markup of the original document
     * rather than text. XLIFF's {@code <cp hex="…"/>} gives its character.
     */
    static String content(XMLStreamReader xml, Set<String> codes) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int depth = 1;
        while (depth > 0) {
            switch (xml.next()) {
                case XMLStreamConstants.START_ELEMENT -> {
                    if (codes.contains(xml.getLocalName())) {
                        skip(xml);
                    } else if ("cp".equals(xml.getLocalName())) {
                        text.appendCodePoint(Integer.parseInt(xml.getAttributeValue(null, "hex"), 16));
                        skip(xml);
                    } else {
                        depth++;
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> depth--;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        text.append(xml.getText());
                default -> { }
            }
        }
        return text.toString();
    }

    /** Moves the reader past the end of the element it is on. */
    static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int event = xml.next();
            depth += event == XMLStreamConstants.START_ELEMENT ? 1 : event == XMLStreamConstants.END_ELEMENT ? -1 : 0;
        }
    }

    /** Moves the reader to the root element and returns its name. */
    static String root(XMLStreamReader xml) throws XMLStreamException {
        while (xml.next() != XMLStreamConstants.START_ELEMENT) {
            // prolog: declaration, comments, a DOCTYPE that is not read
        }
        return xml.getLocalName();
    }

    /** The {@code xml:lang} of the element the reader is on, else its {@code lang} (TMX 1.1); null when none. */
    static String lang(XMLStreamReader xml) {
        String lang = xml.getAttributeValue(XMLConstants.XML_NS_URI, "lang");
        return lang != null ? lang : xml.getAttributeValue(null, "lang");
    }

    /** The primary subtag of a language tag, lower case: "fr" for "fr-FR", "FR" or "fr_CA"; "" for null. */
    static String primary(String tag) {
        return tag == null ? "" : tag.strip().split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
    }
}
