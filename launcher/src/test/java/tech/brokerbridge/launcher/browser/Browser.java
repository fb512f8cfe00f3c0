package tech.brokerbridge.launcher.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver (both from apt, never downloaded), on a fresh
 * profile, with everything that would reach out to Google switched off: this machine has no internet.
 * Collects the browser's console so a test can fail on any error or CSP violation.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final ChromeDriver driver;
    final WebDriverWait wait;
    private final Path profile;
    private final List<String> console = new ArrayList<>();
    private final List<String> expected = new ArrayList<>();

    Browser(Path profile) {
        this.profile = profile;
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-default-apps", "--disable-extensions", "--no-default-browser-check",
                "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        o.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** True when this machine has Debian's chromium and chromedriver. */
    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs an asynchronous script: it calls its last argument with the result. */
    Object asyncJs(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Every console entry so far (level and text), read from the browser and kept. */
    List<String> console() {
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            console.add(e.getLevel() + " " + e.getMessage());
        }
        return List.copyOf(console);
    }

    /**
     * An error answer the test provokes on purpose (e.g. a 422 the page must show): Chromium logs every
     * non-2xx fetch as a console error; this one, for this path and status, is not a problem.
     */
    void expectErrorAnswer(String path, int status) {
        expected.add(path + " - Failed to load resource: the server responded with a status of " + status + " ");
    }

    /** Console errors and CSP violations so far, except the error answers the test expected. */
    List<String> problems() {
        return console().stream().filter(l -> l.startsWith("SEVERE") || l.contains("Content Security Policy")
                || l.contains("Refused to")).filter(l -> expected.stream().noneMatch(l::contains)).toList();
    }

    /** Clicks after scrolling the element to the middle of the window (clear of the sticky status bar). */
    void click(org.openqa.selenium.WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    Path screenshot(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve(name + ".png");
        Files.write(out, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        return out;
    }

    Map<String, Object> capabilities() {
        return driver.getCapabilities().asMap();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
