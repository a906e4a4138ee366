package depeche.io;

import depeche.document.AlignedParagraph;
import depeche.document.BilingualDocument;
import depeche.document.Block;
import depeche.document.Flag;
import depeche.document.ModelInfo;
import depeche.document.Origin;
import depeche.document.SentencePair;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;

/**
 * {@code <id>.xlf}: the article as an XLIFF 2.0 file (OASIS standard) for translation tools such as OmegaT or
 * Okapi. One {@code <file>} per article; the headline is unit {@code title}, each paragraph a {@code <group>}
 * ({@code p2}) of one {@code <unit>} per sentence ({@code p2-s3}), each with one segment whose {@code state} is
 * {@code initial} for the model's output and {@code reviewed} for a person's correction. A table's group has
 * {@code type="depeche:table"} and one unit per cell with text, row by row, named by its place ("row 2, column 1");
 * a code block's group ({@code type="depeche:code"}) holds one unit {@code translate="no"} with
 * {@code xml:space="preserve"}, the code unchanged as its source and target.
 *
 * <p>What depeche knows beyond the text goes in the Metadata module ({@code mda}, part of XLIFF 2.0, which
 * conformant tools keep): per unit the origin and the model's confidence (category {@code depeche}) and the
 * quality flags (category {@code quality-flags}, one {@code meta} per flag, its type the flag's code); per file
 * the models, settings and source. People read the flags and warnings as core {@code <note>}s, which editors
 * show beside the segment. ITS annotations have their own XLIFF module only from XLIFF 2.1 on, so none are
 * written: a 2.0 file stays valid against the 2.0 schema.
 */
final class XliffWriter {
    static final String XLIFF = "urn:oasis:names:tc:xliff:document:2.0";
    static final String METADATA = "urn:oasis:names:tc:xliff:metadata:2.0";
    static final String FLAGS_CATEGORY = "quality-flags";
    static final String DEPECHE_CATEGORY = "depeche";
    /** The {@code type} of a paragraph's group that is a table, its cells one unit each. */
    static final String TABLE_TYPE = "depeche:table";
    /** The {@code type} of a paragraph's group that is a code block. */
    static final String CODE_TYPE = "depeche:code";

    private XliffWriter() {}

    static void write(BilingualDocument document, OutputStream out) throws IOException {
        try {
            IndentedXml xml = IndentedXml.start(out);
            xml.open("xliff");
            xml.raw().setDefaultNamespace(XLIFF);
            xml.raw().writeDefaultNamespace(XLIFF);
            xml.raw().setPrefix("mda", METADATA);
            xml.raw().writeNamespace("mda", METADATA);
            xml.raw().writeAttribute("version", "2.0");
            xml.raw().writeAttribute("srcLang", "fr");
            xml.raw().writeAttribute("trgLang", "en");
            xml.open("file");
            xml.raw().writeAttribute("id", document.id());
            xml.raw().writeAttribute("original", document.article().source().toString());
            writeFileMetadata(xml, document);
            if (document.summary().isPresent()) {
                xml.open("notes");
                xml.text("note", note -> note.writeAttribute("category", "summary"),
                        document.summary().get().english());
                xml.close();
            }
            writeUnit(xml, "title", new SentencePair(document.article().title(), document.translatedTitle()));
            List<AlignedParagraph> paragraphs = document.paragraphs();
            for (int p = 0; p < paragraphs.size(); p++) {
                AlignedParagraph paragraph = paragraphs.get(p);
                String group = "p" + (p + 1);
                xml.open("group");
                xml.raw().writeAttribute("id", group);
                if (paragraph.block() instanceof Block.Code code) {
                    writeCode(xml, group, code);
                } else if (paragraph.block() instanceof Block.Table) {
                    xml.raw().writeAttribute("type", TABLE_TYPE);
                    List<String> cells = paragraph.cellPlaces();
                    for (int s = 0; s < cells.size(); s++) {
                        String name = cells.get(s);
                        writeUnit(xml, group + "-s" + (s + 1), unit -> unit.writeAttribute("name", name),
                                paragraph.sentences().get(s));
                    }
                } else {
                    List<SentencePair> sentences = paragraph.sentences();
                    for (int s = 0; s < sentences.size(); s++) {
                        writeUnit(xml, group + "-s" + (s + 1), sentences.get(s));
                    }
                }
                xml.close();
            }
            xml.close(); // file
            xml.close(); // xliff
            xml.finish();
        } catch (XMLStreamException e) {
            throw IndentedXml.failed("XLIFF", e);
        }
    }

    private static void writeFileMetadata(IndentedXml xml, BilingualDocument document) throws XMLStreamException {
        xml.open("mda", "metadata", METADATA);
        xml.open("mda", "metaGroup", METADATA);
        xml.raw().writeAttribute("category", DEPECHE_CATEGORY);
        meta(xml, "tool-version", document.run().toolVersion());
        for (ModelInfo model : document.run().models()) {
            meta(xml, "model", model.name() + " (" + model.type() + "), weights sha256 " + model.weightsSha256());
        }
        for (Map.Entry<String, String> setting : document.run().settings().entrySet()) {
            meta(xml, "setting:" + setting.getKey(), setting.getValue());
        }
        if (document.article().url().isPresent()) {
            meta(xml, "url", document.article().url().get());
        }
        if (document.article().date().isPresent()) {
            meta(xml, "date", document.article().date().get());
        }
        xml.close();
        xml.close();
    }

    /**
     * A code block: a unit marked {@code translate="no"} whose whitespace is kept, the code as source and target
     * alike (so that a document made from the targets has it in place); no sentences, no metadata.
     */
    private static void writeCode(IndentedXml xml, String group, Block.Code code) throws XMLStreamException {
        xml.raw().writeAttribute("type", CODE_TYPE);
        xml.raw().writeAttribute("translate", "no");
        xml.open("unit");
        xml.raw().writeAttribute("id", group + "-code");
        xml.raw().writeAttribute("translate", "no");
        xml.raw().writeAttribute("xml", XMLConstants.XML_NS_URI, "space", "preserve");
        if (!code.language().isEmpty()) {
            xml.open("notes");
            xml.text("note", note -> note.writeAttribute("category", "language"), code.language());
            xml.close();
        }
        xml.open("segment");
        xml.text("source", none -> { }, code.text());
        xml.text("target", none -> { }, code.text());
        xml.close();
        xml.close();
    }

    private static void writeUnit(IndentedXml xml, String id, SentencePair pair) throws XMLStreamException {
        writeUnit(xml, id, none -> { }, pair);
    }

    private static void writeUnit(IndentedXml xml, String id, IndentedXml.Attributes attributes, SentencePair pair)
            throws XMLStreamException {
        xml.open("unit");
        xml.raw().writeAttribute("id", id);
        attributes.write(xml.raw());
        xml.open("mda", "metadata", METADATA);
        xml.open("mda", "metaGroup", METADATA);
        xml.raw().writeAttribute("category", DEPECHE_CATEGORY);
        meta(xml, "origin", pair.origin().name().toLowerCase(Locale.ROOT));
        if (pair.confidence().isPresent()) {
            meta(xml, "confidence", Double.toString(pair.confidence().getAsDouble()));
        }
        xml.close();
        if (!pair.flags().isEmpty()) {
            xml.open("mda", "metaGroup", METADATA);
            xml.raw().writeAttribute("category", FLAGS_CATEGORY);
            xml.raw().writeAttribute("appliesTo", "target");
            for (Flag flag : pair.flags()) {
                meta(xml, flag.code(), flag.severity().name().toLowerCase(Locale.ROOT) + ": " + flag.reason());
            }
            xml.close();
        }
        xml.close(); // metadata
        List<String> warnings = pair.warnings().stream()
                .filter(w -> pair.flags().stream().noneMatch(f -> f.reason().equals(w))).toList();
        if (!pair.flags().isEmpty() || !warnings.isEmpty()) {
            xml.open("notes");
            for (Flag flag : pair.flags()) {
                xml.text("note", note -> {
                    note.writeAttribute("category", "flag:" + flag.code());
                    note.writeAttribute("priority", Integer.toString(priority(flag.severity())));
                }, flag.code() + " (" + flag.severity().name().toLowerCase(Locale.ROOT) + "): " + flag.reason());
            }
            for (String warning : warnings) {
                xml.text("note", note -> note.writeAttribute("category", "warning"), warning);
            }
            xml.close();
        }
        xml.open("segment");
        xml.raw().writeAttribute("state", pair.origin() == Origin.REVIEWED ? "reviewed" : "initial");
        xml.text("source", none -> { }, pair.source());
        xml.text("target", none -> { }, pair.target());
        xml.close();
        xml.close();
    }

    /** XLIFF note priorities run from 1 (most important) to 10. */
    private static int priority(Flag.Severity severity) {
        return switch (severity) {
            case ERROR -> 1;
            case WARNING -> 3;
            case INFO -> 7;
        };
    }

    private static void meta(IndentedXml xml, String type, String value) throws XMLStreamException {
        xml.text("mda", "meta", METADATA, meta -> meta.writeAttribute("type", type), value);
    }
}
