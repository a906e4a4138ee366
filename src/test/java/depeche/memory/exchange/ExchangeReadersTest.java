package depeche.memory.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import depeche.document.Origin;
import depeche.memory.StoredSentence;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TMX and XLIFF 2.0 read into French-English pairs; files that must be refused are, in one line. */
class ExchangeReadersTest {
    @TempDir
    Path tmp;

    private Path write(String name, String xml) throws Exception {
        return Files.writeString(tmp.resolve(name), xml);
    }

    @Test
    void tmxUnitsGiveTheirFrenchAndEnglishTextWithoutInlineCodes() throws Exception {
        Path file = write("memory.tmx", """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE tmx SYSTEM "http://unreachable.invalid/tmx14.dtd">
                <tmx version="1.4">
                  <header creationtool="OmegaT" srclang="fr-FR" segtype="sentence" o-tmf="x" adminlang="en"
                          datatype="plaintext"/>
                  <body>
                    <tu tuid="a-p1-s1">
                      <note>checked by Anne</note>
                      <tuv xml:lang="en-GB"><seg>The <hi>minister</hi> spoke.</seg></tuv>
                      <tuv xml:lang="fr-FR"><seg>Le <bpt i="1">&lt;b&gt;</bpt>ministre<ept i="1">&lt;/b&gt;</ept> a parlé.</seg></tuv>
                    </tu>
                    <tu><tuv lang="FR"><seg>Bonjour.</seg></tuv><tuv lang="EN"><seg>Hello.</seg></tuv></tu>
                    <tu tuid="only-french"><tuv xml:lang="fr"><seg>Seul.</seg></tuv></tu>
                    <tu tuid="empty"><tuv xml:lang="fr"><seg>Vide.</seg></tuv><tuv xml:lang="en"><seg> </seg></tuv></tu>
                    <tu tuid="machine">
                      <prop type="x-depeche-origin">machine</prop>
                      <tuv xml:lang="fr"><seg>Il pleut.</seg></tuv><tuv xml:lang="en"><seg>It rains.</seg></tuv>
                    </tu>
                  </body>
                </tmx>
                """);

        ExchangeFile read = Exchanges.read(file);

        assertThat(read.pairs()).containsExactly(
                new ExchangePair(Optional.of("a-p1-s1"), 7, "Le ministre a parlé.", "The minister spoke.",
                        Origin.REVIEWED),
                new ExchangePair(Optional.empty(), 12, "Bonjour.", "Hello.", Origin.REVIEWED),
                new ExchangePair(Optional.of("machine"), 15, "Il pleut.", "It rains.", Origin.MACHINE));
        assertThat(read.reviewed()).hasSize(2);
        assertThat(read.skipped()).containsExactly("line 13 (only-french): no English (en) <tuv>",
                "line 14 (empty): the English text is empty");
    }

    @Test
    void xliffSegmentsInStateReviewedOrFinalAreReviewedOthersAreMachine() throws Exception {
        Path file = write("article.xlf", """
                <?xml version="1.0" encoding="UTF-8"?>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en-US">
                  <file id="a1">
                    <unit id="p1-s1">
                      <segment state="reviewed"><source>Le <pc id="1">ministre</pc> a parlé<ph id="2"/>.</source>
                        <target>The <pc id="1">minister</pc> spoke<ph id="2"/>.</target></segment>
                      <ignorable><source> </source></ignorable>
                    </unit>
                    <group id="g">
                      <unit id="p1-s2"><segment id="s" state="final"><source>Tab<cp hex="0009"/>ulé.</source>
                        <target>Tab<cp hex="0009"/>ulated.</target></segment></unit>
                    </group>
                    <unit id="p1-s3"><segment state="translated"><source>Il pleut.</source>
                      <target>It rains.</target></segment></unit>
                    <unit id="p1-s4"><segment><source>Sans cible.</source></segment></unit>
                  </file>
                </xliff>
                """);

        ExchangeFile read = Exchanges.read(file);

        assertThat(read.pairs()).extracting(ExchangePair::id, ExchangePair::source, ExchangePair::target,
                        ExchangePair::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Optional.of("a1/p1-s1"), "Le ministre a parlé.",
                                "The minister spoke.", Origin.REVIEWED),
                        org.assertj.core.groups.Tuple.tuple(Optional.of("a1/p1-s2/s"), "Tab\tulé.", "Tab\tulated.",
                                Origin.REVIEWED),
                        org.assertj.core.groups.Tuple.tuple(Optional.of("a1/p1-s3"), "Il pleut.", "It rains.",
                                Origin.MACHINE));
        assertThat(read.skipped()).singleElement().asString().endsWith("(a1/p1-s4): no <target>");
    }

    @Test
    void xliffOfAnotherVersionOrLanguagePairIsRefused() throws Exception {
        Path old = write("old.xliff", """
                <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="fr"
                target-language="en" datatype="plaintext" original="x"><body/></file></xliff>""");
        assertThatThrownBy(() -> Exchanges.read(old)).isInstanceOf(ExchangeException.class)
                .hasMessage(old + ": XLIFF version 1.2 is not read: depeche reads XLIFF 2.0");
        Path german = write("de.xlf", """
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="de" trgLang="en"/>""");
        assertThatThrownBy(() -> Exchanges.read(german)).hasMessage(german
                + ": translates de to en; the translation memory holds French (fr) to English (en)");
    }

    @Test
    void externalEntitiesAreNeverReadNorExpanded() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "TOP-SECRET");
        Path xxe = write("xxe.tmx", """
                <?xml version="1.0"?>
                <!DOCTYPE tmx [<!ENTITY xxe SYSTEM "%s">]>
                <tmx version="1.4"><header/><body><tu><tuv xml:lang="fr"><seg>&xxe;</seg></tuv>
                <tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>
                """.formatted(secret.toUri()));
        assertThatThrownBy(() -> Exchanges.read(xxe)).isInstanceOf(ExchangeException.class)
                .hasMessageStartingWith(xxe + ":3: not well-formed XML or not readable: ")
                .hasMessageEndingWith("The entity \"xxe\" was referenced, but not declared.")
                .hasMessageNotContaining("TOP-SECRET");

        Path laughs = write("laughs.xlf", """
                <?xml version="1.0"?>
                <!DOCTYPE xliff [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
                <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr" trgLang="en">
                <file id="f"><unit id="u"><segment state="final"><source>&b;</source><target>x</target></segment>
                </unit></file></xliff>
                """);
        assertThatThrownBy(() -> Exchanges.read(laughs)).isInstanceOf(ExchangeException.class)
                .hasMessage(laughs + ":4: not well-formed XML or not readable: The entity \"b\" was referenced, but"
                        + " not declared.");
    }

    @Test
    void brokenOrForeignFilesAreOneLineNamingTheFile() throws Exception {
        Path broken = write("broken.tmx", "<tmx version=\"1.4\"><body><tu>\n<tuv xml:lang=\"fr\"><seg>x</tuv>");
        assertThatThrownBy(() -> Exchanges.read(broken)).isInstanceOf(ExchangeException.class)
                .hasMessageStartingWith(broken + ":2: not well-formed XML or not readable: ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        Path html = write("page.tmx", "<html><body/></html>");
        assertThatThrownBy(() -> Exchanges.read(html))
                .hasMessage(html + ": not a TMX file: its root element is <html>, not <tmx>");
        Path csv = write("pairs.csv", "fr,en");
        assertThatThrownBy(() -> Exchanges.read(csv)).hasMessage(csv + ": not a .tmx, .xlf or .xliff file");
    }

    @Test
    void anExportedMemoryReadsBackWithItsOrigins() throws Exception {
        StringWriter out = new StringWriter();
        Instant made = Instant.parse("2025-03-04T05:06:07Z");
        try (TmxExporter tmx = new TmxExporter(out, "9.9")) {
            tmx.write(new StoredSentence("Il pleut <fort> & longtemps.", "It rains.", Origin.MACHINE,
                    Optional.of("opus-mt-fr-en " + "a".repeat(64)), Optional.empty(), made, made));
            tmx.write(new StoredSentence("Il neige.", "It is snowing.", Origin.REVIEWED, Optional.empty(),
                    Optional.of("imported from fixes.tmx"), made, made));
            assertThat(tmx.units()).isEqualTo(2);
        }
        assertThat(out.toString()).contains("creationdate=\"20250304T050607Z\"")
                .contains("<prop type=\"x-depeche-model\">opus-mt-fr-en aaaa")
                .contains("<note>imported from fixes.tmx</note>");

        ExchangeFile read = TmxReader.read(write("export.tmx", out.toString()));
        assertThat(read.pairs()).extracting(ExchangePair::source, ExchangePair::target, ExchangePair::origin)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Il pleut <fort> & longtemps.", "It rains.",
                                Origin.MACHINE),
                        org.assertj.core.groups.Tuple.tuple("Il neige.", "It is snowing.", Origin.REVIEWED));
    }
}
