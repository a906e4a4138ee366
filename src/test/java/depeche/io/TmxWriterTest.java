package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import depeche.document.BilingualDocument;
import depeche.document.SentencePair;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class TmxWriterTest {

    private final BilingualDocument document = SampleDocument.sample();

    private Document parse() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        byte[] bytes = WriterTestSupport.render(Format.TMX, document).getBytes(StandardCharsets.UTF_8);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    @Test
    void isATmx14TranslationMemoryFromFrench() throws Exception {
        Element tmx = parse().getDocumentElement();
        assertThat(tmx.getTagName()).isEqualTo("tmx");
        assertThat(tmx.getAttribute("version")).isEqualTo("1.4");
        Element header = (Element) tmx.getElementsByTagName("header").item(0);
        assertThat(header.getAttribute("creationtool")).isEqualTo("depeche");
        assertThat(header.getAttribute("creationtoolversion")).isEqualTo("0.1.0-test");
        assertThat(header.getAttribute("srclang")).isEqualTo("fr");
        assertThat(header.getAttribute("segtype")).isEqualTo("sentence");
        assertThat(header.getAttribute("datatype")).isEqualTo("plaintext");
        assertThat(header.getAttribute("adminlang")).isEqualTo("en");
        assertThat(header.getAttribute("o-tmf")).isNotEmpty();
    }

    @Test
    void hasOneUnitPerSentencePairInOrderHeadlineFirst() throws Exception {
        NodeList units = parse().getElementsByTagName("tu");
        List<SentencePair> expected = new ArrayList<>();
        expected.add(new SentencePair(document.article().title(), document.translatedTitle()));
        expected.addAll(document.sentences());
        assertThat(units.getLength()).isEqualTo(expected.size());

        for (int i = 0; i < units.getLength(); i++) {
            Element unit = (Element) units.item(i);
            NodeList variants = unit.getElementsByTagName("tuv");
            assertThat(variants.getLength()).isEqualTo(2);
            Element french = (Element) variants.item(0);
            Element english = (Element) variants.item(1);
            assertThat(french.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("fr");
            assertThat(english.getAttributeNS(XMLConstants.XML_NS_URI, "lang")).isEqualTo("en");
            // the parsed text equals the original: < & " » and no-break spaces survived escaping
            assertThat(segment(french)).isEqualTo(expected.get(i).source());
            assertThat(segment(english)).isEqualTo(expected.get(i).target());
        }
        assertThat(((Element) units.item(0)).getAttribute("tuid")).isEqualTo("sample-1-title");
        assertThat(((Element) units.item(1)).getAttribute("tuid")).isEqualTo("sample-1-p1-s1");
        assertThat(segment((Element) ((Element) units.item(1)).getElementsByTagName("tuv").item(0)))
                .isEqualTo("M. Dupont a dit : « 3 < 5 & 7 > 2 ».");
    }

    @Test
    void sentenceWarningsAndFlagsBecomeNotes() throws Exception {
        NodeList notes = parse().getElementsByTagName("note");
        assertThat(notes.getLength()).isEqualTo(2);
        assertThat(notes.item(0).getTextContent())
                .isEqualTo("flag number-mismatch (error): " + SampleDocument.NUMBER_FLAG.reason());
        assertThat(((Element) notes.item(0).getParentNode()).getAttribute("tuid")).isEqualTo("sample-1-p1-s1");
        // The split flag says what the warning says: one note.
        assertThat(notes.item(1).getTextContent()).isEqualTo(SampleDocument.SPLIT_WARNING);
        assertThat(((Element) notes.item(1).getParentNode()).getAttribute("tuid")).isEqualTo("sample-1-p3-s2");
    }

    @Test
    void propsSayWhoseTheEnglishIsAndTheModelsConfidence() throws Exception {
        NodeList units = parse().getElementsByTagName("tu");
        assertThat(prop((Element) units.item(1), TmxWriter.ORIGIN)).isEqualTo("machine");
        assertThat(prop((Element) units.item(1), TmxWriter.CONFIDENCE))
                .isEqualTo(Double.toString(SampleDocument.CONFIDENCE_1_1));
        assertThat(prop((Element) units.item(2), TmxWriter.ORIGIN)).isEqualTo("reviewed");
        assertThat(prop((Element) units.item(2), TmxWriter.CONFIDENCE)).isNull();
    }

    private static String prop(Element unit, String type) {
        NodeList props = unit.getElementsByTagName("prop");
        for (int i = 0; i < props.getLength(); i++) {
            if (((Element) props.item(i)).getAttribute("type").equals(type)) {
                return props.item(i).getTextContent();
            }
        }
        return null;
    }

    private static String segment(Element variant) {
        return variant.getElementsByTagName("seg").item(0).getTextContent();
    }
}
