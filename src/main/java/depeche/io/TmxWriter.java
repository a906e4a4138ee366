package depeche.io;

import depeche.document.AlignedParagraph;
import depeche.document.BilingualDocument;
import depeche.document.Block;
import depeche.document.Flag;
import depeche.document.SentencePair;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;

/**
 * {@code <id>.tmx}: a TMX 1.4b translation memory with one translation unit per sentence pair,
 * the headline first, French as the source language. Each unit's {@code tuid} says where the pair
 * is ({@code <id>-title}, {@code <id>-p2-s3}); a unit says where its English comes from in
 * {@code <prop type="x-depeche-origin">} ({@code machine}, or {@code reviewed} for a person's correction) and
 * its confidence in {@code x-depeche-confidence}, and a table cell its place in {@code x-depeche-cell} ("row 2,
 * column 1"); sentence warnings and quality flags become {@code <note>}s. Code blocks are no translation and have
 * no unit.
 * Written with StAX, which escapes the text.
 */
final class TmxWriter {

    static final String ORIGIN = "x-depeche-origin";
    static final String CONFIDENCE = "x-depeche-confidence";
    static final String CELL = "x-depeche-cell";

    private TmxWriter() {}

    static void write(BilingualDocument document, OutputStream out) throws IOException {
        try {
            IndentedXml xml = IndentedXml.start(out);
            xml.open("tmx");
            xml.raw().writeAttribute("version", "1.4");
            xml.empty("header", header -> {
                header.writeAttribute("creationtool", "depeche");
                header.writeAttribute("creationtoolversion", document.run().toolVersion());
                header.writeAttribute("segtype", "sentence");
                header.writeAttribute("o-tmf", "depeche");
                header.writeAttribute("adminlang", "en");
                header.writeAttribute("srclang", "fr");
                header.writeAttribute("datatype", "plaintext");
            });
            xml.open("body");
            String id = document.id();
            writeUnit(xml, id + "-title", new SentencePair(document.article().title(), document.translatedTitle()),
                    Optional.empty());
            for (int p = 0; p < document.paragraphs().size(); p++) {
                AlignedParagraph paragraph = document.paragraphs().get(p);
                List<SentencePair> sentences = paragraph.sentences(); // none for code: it is no translation
                List<String> cells = paragraph.block() instanceof Block.Table ? paragraph.cellPlaces() : List.of();
                for (int s = 0; s < sentences.size(); s++) {
                    Optional<String> cell = cells.isEmpty() ? Optional.empty() : Optional.of(cells.get(s));
                    writeUnit(xml, id + "-p" + (p + 1) + "-s" + (s + 1), sentences.get(s), cell);
                }
            }
            xml.close(); // body
            xml.close(); // tmx
            xml.finish();
        } catch (XMLStreamException e) {
            throw IndentedXml.failed("TMX", e);
        }
    }

    private static void writeUnit(IndentedXml xml, String tuid, SentencePair pair, Optional<String> cell)
            throws XMLStreamException {
        xml.open("tu");
        xml.raw().writeAttribute("tuid", tuid);
        // TMX puts notes before props.
        for (String warning : pair.warnings()) {
            xml.text("note", none -> { }, warning);
        }
        for (Flag flag : pair.flags()) {
            if (!pair.warnings().contains(flag.reason())) { // split and cut say what a warning says
                xml.text("note", none -> { }, "flag " + flag.code() + " ("
                        + flag.severity().name().toLowerCase(Locale.ROOT) + "): " + flag.reason());
            }
        }
        xml.text("prop", prop -> prop.writeAttribute("type", ORIGIN), pair.origin().name().toLowerCase(Locale.ROOT));
        if (pair.confidence().isPresent()) {
            xml.text("prop", prop -> prop.writeAttribute("type", CONFIDENCE),
                    Double.toString(pair.confidence().getAsDouble()));
        }
        if (cell.isPresent()) {
            xml.text("prop", prop -> prop.writeAttribute("type", CELL), cell.get());
        }
        writeVariant(xml, "fr", pair.source());
        writeVariant(xml, "en", pair.target());
        xml.close();
    }

    private static void writeVariant(IndentedXml xml, String language, String text) throws XMLStreamException {
        xml.open("tuv");
        xml.raw().writeAttribute("xml", XMLConstants.XML_NS_URI, "lang", language);
        xml.text("seg", none -> { }, text);
        xml.close();
    }
}
