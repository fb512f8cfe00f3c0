package tech.brokerbridge.launcher.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tech.brokerbridge.notify.fake.FakeNtfyServer;
import tech.brokerbridge.notify.fake.RecordingServer;

/**
 * The dashboard in a real browser (Debian's headless Chromium) against the real daemon on the packaged
 * jar, in paper mode, on a fresh data directory, with the desk's clock in a US session so that paper
 * orders fill. One daemon and one browser for the whole class, in this order: the first-start wizard, a
 * scan followed live, approve with a modified stop (executing → executed on screen), close a position,
 * reject with a reason (and its CSV row), the kill switch, {@code /docs} with "Try it out". After each
 * step the browser's console must hold no error and no CSP violation. Screenshots go to
 * {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserIT {
    /** Friday 2026-11-27, 11:00 in New York. */
    private static final String IN_SESSION = "2026-11-27T16:00:00Z";
    private static final Path SHOTS = Path.of(System.getProperty("brokerbridge.screenshots", "target/screenshots"));

    private static Path home;
    private static FakeNtfyServer ntfy;
    private static JarDaemon daemon;
    private static Browser b;

    @BeforeAll
    static void start() throws Exception {
        if (!Browser.available()) {
            if ("1".equals(System.getenv("BROKERBRIDGE_REQUIRE_BROWSER"))) {
                fail("BROKERBRIDGE_REQUIRE_BROWSER=1 but /usr/bin/chromium or /usr/bin/chromedriver is missing "
                        + "(apt-get install chromium chromium-driver)");
            }
            Assumptions.assumeTrue(false, "no chromium/chromedriver on this machine; .ci/run installs them");
        }
        home = Files.createTempDirectory("bb-browser-home");
        ntfy = new FakeNtfyServer(Optional.empty());
        daemon = new JarDaemon(home, IN_SESSION, Map.of("BROKERBRIDGE_NOTIFICATIONS_NTFY_URL", ntfy.topicUrl("desk")));
        b = new Browser(Files.createTempDirectory("bb-browser-profile"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (daemon != null) {
            daemon.close();
        }
        if (ntfy != null) {
            ntfy.close();
        }
    }

    @AfterEach
    void noConsoleErrorsAndNoCspViolations() {
        List<String> problems = b.problems();
        assertEquals(List.of(), problems, "browser console:\n" + String.join("\n", b.console()));
    }

    private WebElement id(String id) {
        return b.driver.findElement(By.id(id));
    }

    private String text(String id) {
        return id(id).getText();
    }

    private void waitFor(String what, java.util.function.BooleanSupplier condition) {
        try {
            b.wait.until(d -> condition.getAsBoolean());
        } catch (org.openqa.selenium.TimeoutException e) {
            fail("timed out waiting for " + what + "; console:\n" + String.join("\n", b.console()) + "\ndaemon:\n"
                    + String.join("\n", daemon.output.subList(Math.max(0, daemon.output.size() - 20),
                    daemon.output.size())));
        }
    }

    /** Records every text {@code id} shows from now on (the page changes it from events). */
    private void record(String elementId, String name) {
        b.js("var log = window[arguments[1]] = []; var el = document.getElementById(arguments[0]);"
                + "log.push(el.textContent);"
                + "new MutationObserver(function () { log.push(el.textContent); })"
                + ".observe(el, {childList: true, characterData: true, subtree: true});", elementId, name);
    }

    @SuppressWarnings("unchecked")
    private List<String> recorded(String name) {
        return (List<String>) b.js("return window[arguments[0]].slice();", name);
    }

    private void tab(String name) {
        b.click(id("tab-" + name));
        waitFor(name + " shown", () -> id("page-" + name).isDisplayed());
    }

    @Test
    @Order(1)
    void aFirstStartOpensTheSetupWizardWhichShowsFieldErrorsBesideTheirFields() throws Exception {
        b.driver.get(daemon.url);
        waitFor("the wizard on a first start", () -> "true".equals(id("tab-setup").getAttribute("aria-selected")));
        b.js("window.__page = 'loaded once';");
        waitFor("the status bar", () -> text("live").equals("live"));
        waitFor("setup status", () -> !text("setup-status").isBlank());
        id("r-open").clear();
        id("r-open").sendKeys("0");
        b.expectErrorAnswer("/api/setup/config", 422);
        b.click(id("risk-save"));
        waitFor("the error beside max open trades", () -> !text("err-risk.max_open_trades").isBlank());
        assertEquals("true", id("r-open").getAttribute("aria-invalid"));
        b.screenshot(SHOTS, "setup-wizard");
        id("r-open").clear();
        id("r-open").sendKeys("3");
        b.click(id("risk-save"));
        waitFor("saved", () -> text("risk-result").startsWith("Saved."));
        assertTrue(text("err-risk.max_open_trades").isBlank(), "the error is gone");
        waitFor("setup complete", () -> text("setup-status").startsWith("Setup is complete"));
    }

    @Test
    @Order(2)
    void aScansProgressAppearsLiveAndItsProposalsArriveWithoutAReload() throws Exception {
        tab("proposals");
        record("s-scan", "__scan");
        b.click(id("btn-scan"));
        waitFor("the scan's end", () -> recorded("__scan").stream().anyMatch(t -> t.startsWith("done:")));
        List<String> seen = recorded("__scan");
        assertTrue(seen.stream().anyMatch(t -> t.matches("scanning \\d+/20 [A-Z.]+")), "progress shown: " + seen);
        assertTrue(seen.stream().anyMatch(t -> t.startsWith("scanning 20/20")), "to the last symbol: " + seen);
        waitFor("pending proposals", () -> b.driver.findElements(By.cssSelector("#pending .card")).size() >= 2);
        waitFor("a chart drawn", () -> !b.driver.findElements(By.cssSelector("#pending .card canvas")).isEmpty());
        assertEquals("loaded once", b.js("return window.__page;"), "no reload");
        b.screenshot(SHOTS, "proposals");
    }

    private String firstPendingId() {
        return b.driver.findElements(By.cssSelector("#pending .card:not(.done)")).get(0).getAttribute("id")
                .substring("card-".length());
    }

    @Test
    @Order(3)
    void approveWithAModifiedStopThenTheProposalGoesExecutingToExecutedOnScreen() throws Exception {
        String id = firstPendingId();
        String title = text("title-" + id);
        boolean isLong = title.contains(" long ");
        WebElement stop = id("stop-" + id);
        double entry = Double.parseDouble((String) b.js("return document.getElementById('chart-' + arguments[0])"
                + ".getAttribute('aria-label').replace(/.*entry ([0-9.]+),.*/, '$1');", id));
        double original = Double.parseDouble(stop.getAttribute("value"));
        double tighter = Math.round((entry + (original - entry) * 0.8) * 100) / 100.0; // closer to the entry
        stop.clear();
        stop.sendKeys(Double.toString(tighter));
        record("status-" + id, "__status");
        b.click(id("approve-modified-" + id));
        waitFor("executed on screen", () -> recorded("__status").contains("executed"));
        List<String> statuses = recorded("__status");
        assertTrue(statuses.indexOf("executing") >= 0 && statuses.indexOf("executing") < statuses.indexOf("executed"),
                "executing then executed: " + statuses);
        assertEquals("loaded once", b.js("return window.__page;"), "no reload");
        Object stopSent = b.asyncJs("var done = arguments[arguments.length - 1];"
                + "fetch('api/proposals/' + arguments[0]).then(r => r.json()).then(p => done(p.stop_price));", id);
        assertEquals(tighter, ((Number) stopSent).doubleValue(), 0.001, (isLong ? "long" : "short") + " stop sent");
        tab("positions");
        waitFor("the position listed", () -> b.driver.findElements(By.cssSelector("#positions tbody tr")).stream()
                .anyMatch(r -> r.getText().startsWith(title.split(" ")[0] + " ")));
        b.screenshot(SHOTS, "positions");
    }

    @Test
    @Order(4)
    void closeAPosition() {
        boolean routes = (Boolean) b.js("return BB.has('POST /api/positions/{symbol}/close');");
        assertTrue(routes, "the page knows the close route from /openapi.json");
        WebElement close = b.driver.findElements(By.cssSelector("#positions button.danger")).get(0);
        String symbol = close.getAttribute("id").substring("close-".length());
        b.click(close);
        waitFor("the position gone", () -> b.driver.findElements(By.id("pos-" + symbol)).isEmpty());
    }

    @Test
    @Order(5)
    void rejectWithAReasonAndItsRowAppearsInTheApprovalsCsv() throws Exception {
        tab("proposals");
        String id = firstPendingId();
        id("reason-" + id).sendKeys("too extended after the gap");
        b.click(id("reject-" + id));
        waitFor("the card gone", () -> b.driver.findElements(By.id("card-" + id)).isEmpty());
        tab("trades");
        waitFor("the approvals row", () -> b.driver.findElements(By.cssSelector("#approvals tbody tr")).stream()
                .anyMatch(r -> r.getText().contains(id) && r.getText().contains("too extended after the gap")));
        Object csv = b.asyncJs("var done = arguments[arguments.length - 1];"
                + "fetch('api/journal/approvals.csv').then(r => r.text()).then(done);");
        assertTrue(((String) csv).lines().anyMatch(l -> l.contains(id) && l.contains("reject")
                && l.contains("too extended after the gap")), (String) csv);
        b.screenshot(SHOTS, "trades");
    }

    @Test
    @Order(6)
    void theKillSwitchEngagesOnlyAfterConfirmationAndFlattenNeedsTheTypedWord() throws Exception {
        b.click(id("btn-kill"));
        waitFor("the dialog", () -> id("kill-dialog").isDisplayed());
        b.click(id("kill-cancel-btn"));
        waitFor("the dialog closed", () -> !id("kill-dialog").isDisplayed());
        assertEquals("released", text("s-kill"), "cancel engages nothing");
        b.click(id("btn-kill"));
        b.click(id("kill-flatten"));
        id("kill-flatten-confirm").sendKeys("flatten");
        b.click(id("kill-confirm"));
        assertTrue(id("kill-dialog").isDisplayed(), "a wrong word keeps the dialog open");
        assertEquals("true", id("kill-flatten-confirm").getAttribute("aria-invalid"));
        b.click(id("kill-flatten"));
        id("kill-reason").sendKeys("stepping away");
        b.screenshot(SHOTS, "kill-switch-dialog");
        b.click(id("kill-confirm"));
        waitFor("engaged on screen", () -> text("s-kill").equals("ENGAGED"));
        assertTrue(text("message").contains("stepping away"), text("message"));
        b.click(id("btn-release"));
        waitFor("released on screen", () -> text("s-kill").equals("released"));
    }

    /**
     * The notifications that left the machine are listed beside the AI's exchanges, each with its exact body: the
     * kill switch's message to the configured ntfy topic, with the reason typed in the dialog.
     */
    @Test
    @Order(7)
    void whatLeftMyMachineListsEachNotificationWithItsExactBody() throws Exception {
        assertTrue(RecordingServer.await(() -> killMessage().isPresent(), Duration.ofSeconds(30)),
                "the kill switch's message reached ntfy: " + ntfy.requests());
        String sent = killMessage().orElseThrow().body();
        HttpClient http = HttpClient.newHttpClient();
        assertTrue(RecordingServer.await(() -> audited(http).contains("\"outcome\":\"sent\""), Duration.ofSeconds(30)),
                "the message is audited as sent");
        tab("audit");
        b.click(id("btn-audit-refresh")); // the row may have been written after the tab's first load
        waitFor("the kill switch's row", () -> !rows("ntfy · kill_switch · sent").isEmpty());
        WebElement row = rows("ntfy · kill_switch · sent").get(0);
        assertEquals(sent, b.js("return arguments[0].querySelector('pre').textContent;", row),
                "the page shows the body exactly as sent");
        assertTrue(row.findElement(By.tagName("p")).getAttribute("textContent").startsWith("127.0.0.1"),
                "and where it went");
        b.screenshot(SHOTS, "audit-notifications");
    }

    private static Optional<RecordingServer.Recorded> killMessage() {
        return ntfy.requests().stream().filter(r -> r.body().contains("stepping away")).findFirst();
    }

    private static String audited(HttpClient http) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(daemon.url + "api/notifications/audit?limit=50")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<WebElement> rows(String summary) {
        return id("notify-audit").findElements(By.tagName("details")).stream()
                .filter(d -> d.findElement(By.tagName("summary")).getText().endsWith(summary)).toList();
    }

    @Test
    @Order(8)
    void everyPageAtDesktopAndPhoneWidth() throws Exception {
        for (String t : List.of("activity", "audit", "setup")) {
            tab(t);
            Thread.sleep(300); // the panel's load is async: a settled picture, not a condition
            b.screenshot(SHOTS, t);
        }
        b.size(390, 844);
        tab("proposals");
        assertTrue(id("btn-scan").isDisplayed());
        Number overflow = (Number) b.js("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(overflow.intValue() <= 1, "no sideways scrolling at phone width: " + overflow);
        b.screenshot(SHOTS, "phone");
        b.size(1280, 1000);
    }

    @Test
    @Order(9)
    void docsLoadAndTryItOutOnHealthWorks() throws Exception {
        b.driver.get(daemon.url + "docs");
        waitFor("Swagger UI", () -> !b.driver.findElements(By.id("operations-system-getApiHealth")).isEmpty());
        WebElement op = id("operations-system-getApiHealth");
        b.click(op.findElement(By.cssSelector(".opblock-summary-control")));
        waitFor("try it out", () -> !op.findElements(By.cssSelector("button.try-out__btn")).isEmpty());
        b.click(op.findElement(By.cssSelector("button.try-out__btn")));
        waitFor("execute", () -> !op.findElements(By.cssSelector("button.execute")).isEmpty());
        b.click(op.findElement(By.cssSelector("button.execute")));
        waitFor("a 200", () -> op.findElements(By.cssSelector(".live-responses-table .response-col_status")).stream()
                .anyMatch(e -> e.getText().trim().startsWith("200")));
        String body = op.findElement(By.cssSelector(".live-responses-table .microlight, .live-responses-table pre"))
                .getText().toLowerCase(Locale.ROOT);
        assertTrue(body.contains("trading_loop_active"), body);
        b.screenshot(SHOTS, "docs");
        assertFalse(b.console().stream().anyMatch(l -> l.contains("validator.swagger.io")), "no outside call");
    }
}
