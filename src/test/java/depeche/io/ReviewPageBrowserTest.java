package depeche.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import depeche.document.BilingualDocument;
import depeche.review.ReviewApply;
import depeche.testing.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The review page in a real browser (headless Chromium): the filter, moving from flag to flag, the counterpart
 * highlight, editing and marking sentences, the exported corrections file, phone width and print; no JavaScript
 * error in the console. Screenshots are kept in {@code target/review-page/} as build artifacts.
 */
class ReviewPageBrowserTest {
    private static final Path SCREENSHOTS = Path.of("target", "review-page");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final BilingualDocument document = SampleDocument.sample();
    private ChromeDriver browser;
    private Path downloads;
    private Path output;

    @BeforeEach
    void openThePage() throws Exception {
        output = Files.createDirectories(dir.resolve("output"));
        downloads = Files.createDirectories(dir.resolve("downloads"));
        OutputFolder folder = new OutputFolder(output, EnumSet.allOf(Format.class));
        folder.write(document);
        folder.writeIndex(List.of(
                new IndexEntry("sample-1", IndexEntry.Status.TRANSLATED, "seeds/sample-1.txt", Optional.empty(),
                        Optional.empty(), Optional.empty()),
                new IndexEntry("broken", IndexEntry.Status.FAILED, "seeds/broken.txt", Optional.empty(),
                        Optional.empty(), Optional.of("seeds/broken.txt: not UTF-8"))));
        browser = Browser.start(Files.createDirectories(dir.resolve("profile")), downloads);
        browser.get(output.resolve("sample-1.html").toUri().toString());
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement english(String position) {
        return browser.findElement(By.id("s" + position));
    }

    private WebElement french(String position) {
        return browser.findElement(By.cssSelector("main p[lang=fr] span.s[data-s='" + position + "']"));
    }

    private void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
    }

    private String focused() {
        return browser.switchTo().activeElement().getAttribute("id");
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name),
                StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theFilterShowsOnlyFlaggedSentences() {
        assertThat(browser.findElement(By.cssSelector(".review-bar")).isDisplayed()).isTrue();
        List<WebElement> all = browser.findElements(By.cssSelector("main p[lang=en] span.s"));
        assertThat(all).hasSize(document.sentences().size()).allMatch(WebElement::isDisplayed);

        browser.findElement(By.id("flagged-only")).click();
        assertThat(all.stream().filter(WebElement::isDisplayed).map(e -> e.getAttribute("data-s")))
                .containsExactly("1.1", "3.2");
        assertThat(browser.findElement(By.id("p2")).isDisplayed()).as("a paragraph without flags").isFalse();

        press("f"); // the key does the same
        assertThat(all).allMatch(WebElement::isDisplayed);
    }

    @Test
    void keysMoveFromFlagToFlagAndFocusHighlightsTheCounterpart() {
        press("j");
        assertThat(focused()).isEqualTo("s1.1");
        assertThat(french("1.1").getAttribute("class")).contains("hl");
        press("j");
        assertThat(focused()).isEqualTo("s3.2");
        assertThat(french("3.2").getAttribute("class")).contains("hl");
        assertThat(french("1.1").getAttribute("class")).doesNotContain("hl");
        press("j");
        assertThat(focused()).isEqualTo("s1.1");
        assertThat(browser.findElement(By.cssSelector(".review-bar .status")).getText())
                .startsWith("Back to the first flag.");
        press("k");
        assertThat(focused()).isEqualTo("s3.2");
        browser.findElement(By.id("prev-flag")).click();
        assertThat(focused()).isEqualTo("s1.1");
    }

    @Test
    void hoveringASentenceHighlightsItsTranslation() {
        new Actions(browser).moveToElement(french("2.1")).perform();
        assertThat(english("2.1").getAttribute("class")).contains("hl");
        new Actions(browser).moveToElement(browser.findElement(By.cssSelector("footer"))).perform();
        assertThat(english("2.1").getAttribute("class")).doesNotContain("hl");
    }

    @Test
    void aReviewerCorrectsMarksAndExportsTheCorrections() throws Exception {
        press("j");
        press("e");
        WebElement editor = browser.findElement(By.id("editor"));
        assertThat(editor.isDisplayed()).isTrue();
        assertThat(editor.findElement(By.cssSelector(".editor-source")).getText())
                .isEqualTo(document.sentences().get(0).source());
        assertThat(editor.findElement(By.cssSelector(".editor-flags")).getText()).contains("number-mismatch");
        WebElement text = browser.findElement(By.id("editor-text"));
        assertThat(text.getAttribute("value")).isEqualTo(document.sentences().get(0).target());
        screenshot("editor-desktop.png");
        text.clear();
        text.sendKeys("Mr Dupont said: “3 < 5 & 7 > 2”.");
        text.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        assertThat(editor.isDisplayed()).isFalse();
        assertThat(english("1.1").getText()).startsWith("Mr Dupont said: “3 < 5 & 7 > 2”.");
        assertThat(english("1.1").getAttribute("class")).contains("edited", "reviewed");

        english("2.1").click();
        browser.findElement(By.id("mark-reviewed")).click();
        assertThat(english("2.1").getAttribute("class")).contains("reviewed");
        assertThat(browser.findElement(By.id("export")).getText()).isEqualTo("Export corrections (2)");

        browser.findElement(By.id("export")).click();
        Path exported = Browser.awaitDownload(downloads, "sample-1.corrections.json");
        JsonNode export = JSON.readTree(exported.toFile());
        assertThat(export.get("format").asText()).isEqualTo("depeche-corrections/1");
        assertThat(export.get("article").asText()).isEqualTo("sample-1");
        assertThat(export.at("/models/0/name").asText()).isEqualTo("opus-mt-fr-en");
        assertThat(export.at("/models/0/weights_sha256").asText()).isEqualTo("ab".repeat(32));
        assertThat(export.get("tool_version").asText()).isEqualTo("0.1.0-test");
        assertThat(export.get("exported").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        JsonNode sentences = export.get("sentences");
        assertThat(sentences).hasSize(2);
        assertThat(JSON.convertValue(sentences.get(0), Map.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "paragraph", 1, "sentence", 1,
                "source", document.sentences().get(0).source(),
                "old_target", document.sentences().get(0).target(),
                "new_target", "Mr Dupont said: “3 < 5 & 7 > 2”.",
                "reviewed", true));
        assertThat(JSON.convertValue(sentences.get(1), Map.class)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "paragraph", 2, "sentence", 1,
                "source", document.paragraphs().get(1).sentences().get(0).source(),
                "old_target", document.paragraphs().get(1).sentences().get(0).target(),
                "new_target", document.paragraphs().get(1).sentences().get(0).target(),
                "reviewed", true));

        // The corrections stay in this browser until exported and applied: a reload keeps them.
        browser.navigate().refresh();
        assertThat(english("1.1").getText()).startsWith("Mr Dupont said:");
        assertThat(browser.findElement(By.cssSelector(".review-bar .status")).getText())
                .isEqualTo("2 corrections from your last visit restored.");
        screenshot("page-desktop.png");

        // The exported file is what review apply takes: the outputs are written again with the corrections.
        ReviewApply.Result applied = ReviewApply.apply(exported, output);
        assertThat(applied.applied().corrected()).isEqualTo(1);
        assertThat(applied.applied().approved()).isEqualTo(1);
        JsonNode article = JSON.readTree(output.resolve("sample-1.json").toFile());
        assertThat(article.at("/paragraphs/0/sentences/0/en").asText()).isEqualTo("Mr Dupont said: “3 < 5 & 7 > 2”.");
        assertThat(article.at("/paragraphs/0/sentences/0/origin").asText()).isEqualTo("reviewed");
        assertThat(article.at("/paragraphs/1/sentences/0/origin").asText()).isEqualTo("reviewed");
        browser.navigate().refresh();
        assertThat(english("1.1").getAttribute("class")).contains("reviewed").doesNotContain("flagged", "edited");
        assertThat(browser.findElement(By.id("export")).getText()).as("nothing left to export")
                .isEqualTo("Export corrections");
    }

    @Test
    void onAPhoneTheEnglishFollowsTheFrenchAndPrintingHidesTheTools() throws Exception {
        browser.manage().window().setSize(new Dimension(390, 844));
        WebElement frenchParagraph = browser.findElement(By.cssSelector("#p1 > p[lang=fr]"));
        WebElement englishParagraph = browser.findElement(By.cssSelector("#p1 > p[lang=en]"));
        assertThat(englishParagraph.getLocation().getY()).isGreaterThan(frenchParagraph.getLocation().getY());
        assertThat(englishParagraph.getRect().getWidth()).isGreaterThan(300);
        Long overflow = (Long) browser.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no sideways scrolling").isLessThanOrEqualTo(0);
        screenshot("page-phone.png");

        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertThat(browser.findElement(By.cssSelector(".review-bar")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("ul.flags")).isDisplayed()).isTrue();
        browser.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));

        browser.get(output.resolve("index.html").toUri().toString());
        screenshot("index-phone.png");
        browser.manage().window().setSize(new Dimension(1280, 900));
        screenshot("index-desktop.png");
        assertThat(browser.findElements(By.cssSelector("table.index tbody tr")).get(0).getAttribute("data-id"))
                .isEqualTo("sample-1");
    }

    @AfterEach
    void noJavaScriptErrors() {
        if (browser == null) {
            return;
        }
        List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue())
                .toList();
        assertThat(errors).as("console errors and warnings").isEmpty();
    }
}
