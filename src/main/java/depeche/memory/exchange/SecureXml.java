package depeche.memory.exchange;

import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The JDK's StAX parser set up for files from elsewhere: no DTD is read or fetched and no entity is expanded, so
 * a file cannot make the parser read local files or the network (XXE) or blow up in memory (billion laughs). A
 * {@code <!DOCTYPE tmx SYSTEM "tmx14.dtd">} line, as CAT tools write, is passed over; an entity it would have
 * declared is an error.
 */
final class SecureXml {
    private static final XMLInputFactory FACTORY = factory();

    private SecureXml() {
    }

    static XMLStreamReader reader(InputStream in) throws XMLStreamException {
        return FACTORY.createXMLStreamReader(in);
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
