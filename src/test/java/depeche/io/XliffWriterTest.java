package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.BilingualDocument;
import depeche.document.SentencePair;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import net.sf.okapi.lib.xliff2.core.Note;
import net.sf.okapi.lib.xliff2.core.Segment;
import net.sf.okapi.lib.xliff2.core.TargetState;
import net.sf.okapi.lib.xliff2.core.Unit;
import net.sf.okapi.lib.xliff2.metadata.IMetadataItem;
import net.sf.okapi.lib.xliff2.metadata.Meta;
import net.sf.okapi.lib.xliff2.metadata.MetaGroup;
import net.sf.okapi.lib.xliff2.reader.Event;
import net.sf.okapi.lib.xliff2.reader.XLIFFReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

class XliffWriterTest {

    private final BilingualDocument document = SampleDocument.sample();

    /** The OASIS XLIFF 2.0 core schema and its Metadata module, as shipped in test resources (see its README). */
    private static Schema schema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // The core schema imports xml.xsd from the W3C's site: the local copy is that file.
        factory.setResourceResolver((type, namespace, publicId, systemId, baseUri) ->
                "http://www.w3.org/2001/xml.xsd".equals(systemId) ? resource("/xliff/w3c/xml.xsd", systemId) : null);
        return factory.newSchema(new Source[] {
                source("/xliff/w3c/xml.xsd"), source("/xliff/xliff_core_2.0.xsd"), source("/xliff/modules/metadata.xsd")});
    }

    private static Source source(String name) {
        return new StreamSource(XliffWriterTest.class.getResourceAsStream(name),
                XliffWriterTest.class.getResource(name).toString());
    }

    private static LSInput resource(String name, String systemId) {
        InputStream in = XliffWriterTest.class.getResourceAsStream(name);
        return new SimpleInput(systemId, in);
    }

    private String xliff() throws Exception {
        return WriterTestSupport.render(Format.XLIFF, document);
    }

    @Test
    void isValidAgainstTheOasisXliff20SchemaWithItsMetadataModule() throws Exception {
        schema().newValidator().validate(new StreamSource(new StringReader(xliff())));
    }

    @Test
    void theSchemaCatchesAnInvalidFile() throws Exception {
        // The check above can fail: a state XLIFF 2.0 does not know is refused.
        String invalid = xliff().replace("state=\"reviewed\"", "state=\"approved\"");
        assertThatThrownBy(() -> schema().newValidator().validate(new StreamSource(new StringReader(invalid))))
                .isInstanceOf(SAXException.class).hasMessageContaining("approved");
    }

    /** What Okapi's XLIFF 2 reader (the library behind Okapi's tools) finds in the file, unit by unit. */
    private List<Unit> unitsAsOkapiReadsThem() throws Exception {
        List<Unit> units = new ArrayList<>();
        try (XLIFFReader reader = new XLIFFReader(XLIFFReader.VALIDATION_MAXIMAL)) {
            reader.open(new ByteArrayInputStream(xliff().getBytes(StandardCharsets.UTF_8)));
            while (reader.hasNext()) {
                Event event = reader.next();
                if (event.isUnit()) {
                    units.add(event.getUnit());
                }
            }
        }
        return units;
    }

    @Test
    void aTranslationToolReadsOneUnitPerSentenceHeadlineFirst() throws Exception {
        List<Unit> units = unitsAsOkapiReadsThem();
        List<SentencePair> expected = new ArrayList<>();
        expected.add(new SentencePair(document.article().title(), document.translatedTitle()));
        expected.addAll(document.sentences());
        assertThat(units).hasSameSizeAs(expected);
        for (int i = 0; i < units.size(); i++) {
            assertThat(units.get(i).getSegmentCount()).isEqualTo(1);
            Segment segment = units.get(i).getSegment(0);
            assertThat(segment.getSource().getPlainText()).isEqualTo(expected.get(i).source());
            assertThat(segment.getTarget().getPlainText()).isEqualTo(expected.get(i).target());
        }
        assertThat(units).extracting(Unit::getId).startsWith("title", "p1-s1", "p1-s2", "p2-s1");
    }

    @Test
    void machineOutputIsInitialAndAReviewersCorrectionReviewed() throws Exception {
        List<Unit> units = unitsAsOkapiReadsThem();
        assertThat(units.get(1).getSegment(0).getState()).isEqualTo(TargetState.INITIAL);
        assertThat(units.get(2).getSegment(0).getState()).isEqualTo(TargetState.REVIEWED);
        assertThat(meta(units.get(2), "depeche", "origin")).isEqualTo("reviewed");
        assertThat(meta(units.get(1), "depeche", "origin")).isEqualTo("machine");
    }

    @Test
    void confidenceAndFlagsAreInTheMetadataModuleAndFlagsInNotes() throws Exception {
        List<Unit> units = unitsAsOkapiReadsThem();
        Unit flagged = units.get(1); // sentence 1.1
        assertThat(meta(flagged, "depeche", "confidence")).isEqualTo(Double.toString(SampleDocument.CONFIDENCE_1_1));
        assertThat(meta(flagged, "quality-flags", "number-mismatch"))
                .isEqualTo("error: " + SampleDocument.NUMBER_FLAG.reason());
        assertThat(flagged.getNotes()).extracting(Note::getText)
                .containsExactly("number-mismatch (error): " + SampleDocument.NUMBER_FLAG.reason());
        assertThat(flagged.getNotes().get(0).getCategory()).isEqualTo("flag:number-mismatch");
        assertThat(flagged.getNotes().get(0).getPriority()).isEqualTo(1);

        Unit split = units.get(units.size() - 1); // sentence 3.2: the split flag says what its warning says
        assertThat(meta(split, "quality-flags", "split")).isEqualTo("info: " + SampleDocument.SPLIT_WARNING);
        assertThat(split.getNotes()).extracting(Note::getText).containsExactly("split (info): " + SampleDocument.SPLIT_WARNING);
        assertThat(meta(units.get(2), "depeche", "confidence")).as("a correction has none").isNull();
    }

    @Test
    void theFileSaysWhereItCameFromAndHowItWasMade() throws Exception {
        String xml = xliff();
        assertThat(xml).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\""
                + XliffWriter.XLIFF + "\" xmlns:mda=\"" + XliffWriter.METADATA
                + "\" version=\"2.0\" srcLang=\"fr\" trgLang=\"en\">");
        assertThat(xml).contains("<file id=\"sample-1\" original=\"seeds/sample-1.txt\">",
                "<mda:meta type=\"tool-version\">0.1.0-test</mda:meta>",
                "<mda:meta type=\"model\">opus-mt-fr-en (marian), weights sha256 " + "ab".repeat(32) + "</mda:meta>",
                "<mda:meta type=\"setting:beams\">4</mda:meta>",
                "<mda:meta type=\"date\">2022-01-08</mda:meta>",
                "<notes>\n      <note category=\"summary\">EN: ");
    }

    private static String meta(Unit unit, String category, String type) {
        if (!unit.hasMetadata()) {
            return null;
        }
        for (MetaGroup group : unit.getMetadata()) {
            if (category.equals(group.getCategory())) {
                for (IMetadataItem item : group) {
                    if (item instanceof Meta meta && type.equals(meta.getType())) {
                        return meta.getData();
                    }
                }
            }
        }
        return null;
    }

    /** The little of {@link LSInput} a schema factory reads. */
    private record SimpleInput(String systemId, InputStream byteStream) implements LSInput {
        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader characterStream) { }
        @Override public InputStream getByteStream() { return byteStream; }
        @Override public void setByteStream(InputStream byteStream) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String stringData) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String systemId) { }
        @Override public String getPublicId() { return null; }
        @Override public void setPublicId(String publicId) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String baseURI) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String encoding) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean certifiedText) { }
    }
}
