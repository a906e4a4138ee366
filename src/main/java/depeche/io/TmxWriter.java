package depeche.io;

import depeche.document.BilingualDocument;
import depeche.document.SentencePair;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * {@code <id>.tmx}: a TMX 1.4b translation memory with one translation unit per sentence pair,
 * the headline first, French as the source language. Each unit's {@code tuid} says where the pair
 * is ({@code <id>-title}, {@code <id>-p2-s3}); sentence warnings become {@code <note>}s.
 * Written with StAX, which escapes the text.
 */
final class TmxWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private TmxWriter() {}

    static void write(BilingualDocument document, OutputStream out) throws IOException {
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("tmx");
            xml.writeAttribute("version", "1.4");
            xml.writeCharacters("\n  ");
            xml.writeEmptyElement("header");
            xml.writeAttribute("creationtool", "depeche");
            xml.writeAttribute("creationtoolversion", document.run().toolVersion());
            xml.writeAttribute("segtype", "sentence");
            xml.writeAttribute("o-tmf", "depeche");
            xml.writeAttribute("adminlang", "en");
            xml.writeAttribute("srclang", "fr");
            xml.writeAttribute("datatype", "plaintext");
            xml.writeCharacters("\n  ");
            xml.writeStartElement("body");
            String id = document.id();
            writeUnit(xml, id + "-title", new SentencePair(document.article().title(), document.translatedTitle()));
            for (int p = 0; p < document.paragraphs().size(); p++) {
                List<SentencePair> sentences = document.paragraphs().get(p).sentences();
                for (int s = 0; s < sentences.size(); s++) {
                    writeUnit(xml, id + "-p" + (p + 1) + "-s" + (s + 1), sentences.get(s));
                }
            }
            xml.writeCharacters("\n  ");
            xml.writeEndElement(); // body
            xml.writeCharacters("\n");
            xml.writeEndElement(); // tmx
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close(); // flushes; does not close the stream
        } catch (XMLStreamException e) {
            throw new IOException("cannot write TMX: " + e.getMessage(), e);
        }
    }

    private static void writeUnit(XMLStreamWriter xml, String tuid, SentencePair pair) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        xml.writeStartElement("tu");
        xml.writeAttribute("tuid", tuid);
        for (String warning : pair.warnings()) {
            xml.writeCharacters("\n      ");
            xml.writeStartElement("note");
            xml.writeCharacters(warning);
            xml.writeEndElement();
        }
        writeVariant(xml, "fr", pair.source());
        writeVariant(xml, "en", pair.target());
        xml.writeCharacters("\n    ");
        xml.writeEndElement();
    }

    private static void writeVariant(XMLStreamWriter xml, String language, String text) throws XMLStreamException {
        xml.writeCharacters("\n      ");
        xml.writeStartElement("tuv");
        xml.writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
        xml.writeStartElement("seg");
        xml.writeCharacters(text);
        xml.writeEndElement();
        xml.writeEndElement();
    }
}
