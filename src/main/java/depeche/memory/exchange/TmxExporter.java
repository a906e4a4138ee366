package depeche.memory.exchange;

import depeche.document.Origin;
import depeche.memory.StoredSentence;
import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the translation memory as TMX 1.4b for CAT tools, one {@code <tu>} per entry, as it goes (a large memory
 * is never held whole). Each unit says its origin in {@code <prop type="x-depeche-origin">} ({@code machine} or
 * {@code reviewed}; {@link TmxReader} reads it back, so re-importing an export keeps machine output machine), the
 * model of a machine translation in {@code <prop type="x-depeche-model">} (folder name and weights' sha256), where
 * a correction came from in a {@code <note>}, and when the entry was made and last changed.
 */
public final class TmxExporter implements AutoCloseable {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final DateTimeFormatter TMX_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final XMLStreamWriter xml;
    private int units;

    /** Starts the file: the header, French as the source language. {@code out} should encode UTF-8. */
    public TmxExporter(Writer out, String toolVersion) throws IOException {
        try {
            xml = FACTORY.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("tmx");
            xml.writeAttribute("version", "1.4");
            xml.writeCharacters("\n  ");
            xml.writeEmptyElement("header");
            xml.writeAttribute("creationtool", "depeche");
            xml.writeAttribute("creationtoolversion", toolVersion);
            xml.writeAttribute("segtype", "sentence");
            xml.writeAttribute("o-tmf", "depeche-memory");
            xml.writeAttribute("adminlang", "en");
            xml.writeAttribute("srclang", "fr");
            xml.writeAttribute("datatype", "plaintext");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write TMX: " + e.getMessage(), e);
        }
    }

    /** Writes one entry. */
    public void write(StoredSentence entry) throws IOException {
        try {
            xml.writeCharacters("\n    ");
            xml.writeStartElement("tu");
            xml.writeAttribute("creationdate", TMX_DATE.format(entry.created()));
            xml.writeAttribute("changedate", TMX_DATE.format(entry.updated()));
            prop(TmxReader.ORIGIN_PROP, entry.origin() == Origin.REVIEWED ? "reviewed" : "machine");
            if (entry.model().isPresent()) {
                prop("x-depeche-model", entry.model().get());
            }
            if (entry.note().isPresent()) {
                xml.writeCharacters("\n      ");
                xml.writeStartElement("note");
                xml.writeCharacters(entry.note().get());
                xml.writeEndElement();
            }
            variant("fr", entry.source());
            variant("en", entry.target());
            xml.writeCharacters("\n    ");
            xml.writeEndElement();
            units++;
        } catch (XMLStreamException e) {
            throw new IOException("cannot write TMX: " + e.getMessage(), e);
        }
    }

    /** How many units were written. */
    public int units() {
        return units;
    }

    /** Ends the file and flushes it; the writer stays open. */
    @Override
    public void close() throws IOException {
        try {
            xml.writeCharacters("\n  ");
            xml.writeEndElement(); // body
            xml.writeCharacters("\n");
            xml.writeEndElement(); // tmx
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write TMX: " + e.getMessage(), e);
        }
    }

    private void prop(String type, String value) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement("prop");
        xml.writeAttribute("type", type);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private void variant(String language, String text) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement("tuv");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
        xml.writeStartElement("seg");
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
