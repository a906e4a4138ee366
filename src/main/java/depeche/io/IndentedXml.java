package depeche.io;

import java.io.IOException;
import java.io.OutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML file written element by element with StAX (which escapes every text and attribute), indented two
 * spaces a level so that people can read and diff it. Text-only elements stay on one line, so no whitespace is
 * added inside a segment. Always the JDK's own StAX, whatever else is on the class path, so the bytes do not
 * depend on it.
 */
final class IndentedXml {
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    /** Writes one element's attributes. */
    @FunctionalInterface
    interface Attributes {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private final XMLStreamWriter xml;
    private int depth;

    private IndentedXml(XMLStreamWriter xml) {
        this.xml = xml;
    }

    /** Starts a UTF-8 document on {@code out}. */
    static IndentedXml start(OutputStream out) throws XMLStreamException {
        XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        return new IndentedXml(xml);
    }

    /** The StAX writer, for namespaces and attributes of the element just opened. */
    XMLStreamWriter raw() {
        return xml;
    }

    /** Opens an element on a new line; its children go one level deeper. */
    IndentedXml open(String name) throws XMLStreamException {
        newLine();
        xml.writeStartElement(name);
        depth++;
        return this;
    }

    /** Opens an element of a namespace bound with {@code prefix}. */
    IndentedXml open(String prefix, String name, String namespace) throws XMLStreamException {
        newLine();
        xml.writeStartElement(prefix, name, namespace);
        depth++;
        return this;
    }

    /** Closes the element opened last, on a new line. */
    IndentedXml close() throws XMLStreamException {
        depth--;
        newLine();
        xml.writeEndElement();
        return this;
    }

    /** An element holding only {@code text}, on one line. */
    IndentedXml text(String name, Attributes attributes, String text) throws XMLStreamException {
        newLine();
        xml.writeStartElement(name);
        attributes.write(xml);
        xml.writeCharacters(text);
        xml.writeEndElement();
        return this;
    }

    /** A namespaced element holding only {@code text}, on one line. */
    IndentedXml text(String prefix, String name, String namespace, Attributes attributes, String text)
            throws XMLStreamException {
        newLine();
        xml.writeStartElement(prefix, name, namespace);
        attributes.write(xml);
        xml.writeCharacters(text);
        xml.writeEndElement();
        return this;
    }

    /** An empty element, on its own line. */
    IndentedXml empty(String name, Attributes attributes) throws XMLStreamException {
        newLine();
        xml.writeEmptyElement(name);
        attributes.write(xml);
        return this;
    }

    /** Ends the document with a line break and flushes; the stream stays open. */
    void finish() throws XMLStreamException {
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    private void newLine() throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }

    /** {@link XMLStreamException} as the {@link IOException} writers throw, naming the format. */
    static IOException failed(String format, XMLStreamException e) {
        return new IOException("cannot write " + format + ": " + e.getMessage(), e);
    }
}
