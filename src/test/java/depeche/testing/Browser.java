package depeche.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the page tests, from Debian's {@code chromium} and {@code chromium-driver} packages
 * ({@code .ci/run} installs them). Without them the tests are skipped with a message, except under {@code CI=true},
 * where a missing browser fails them: CI must never pass by testing nothing.
 */
public final class Browser {
    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private Browser() {
    }

    /**
     * A headless Chromium that downloads into {@code downloads} and keeps the console's messages; skips (or, on CI,
     * fails) the test when there is none.
     *
     * @param profile an empty folder for the browser's profile (a fresh one per test)
     */
    public static ChromeDriver start(Path profile, Path downloads) {
        Optional<Path> browser = firstExisting(BROWSERS);
        Optional<Path> driver = firstExisting(DRIVERS);
        if (browser.isEmpty() || driver.isEmpty()) {
            String missing = "no headless browser: install Debian's chromium and chromium-driver (apt-get install -y "
                    + "chromium chromium-driver; .ci/run does) to run the review page's browser tests";
            if ("true".equals(System.getenv("CI"))) {
                fail("CI=true: " + missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        ChromeDriver chrome = new ChromeDriver(service, options);
        // Headless Chromium may ignore the download preference: say it again through the DevTools protocol.
        chrome.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        return chrome;
    }

    /** Waits up to 10 s for a file named {@code name} to be complete in {@code folder}. */
    public static Path awaitDownload(Path folder, String name) throws IOException, InterruptedException {
        Path file = folder.resolve(name);
        for (int i = 0; i < 100; i++) {
            try (Stream<Path> partial = Files.list(folder)) {
                boolean inProgress = partial.anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
                if (Files.isRegularFile(file) && !inProgress && Files.size(file) > 0) {
                    return file;
                }
            }
            Thread.sleep(100);
        }
        try (Stream<Path> there = Files.list(folder)) {
            fail("no " + name + " downloaded into " + folder + "; there: " + there.toList());
        }
        return file;
    }

    private static Optional<Path> firstExisting(List<String> paths) {
        return paths.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }
}
