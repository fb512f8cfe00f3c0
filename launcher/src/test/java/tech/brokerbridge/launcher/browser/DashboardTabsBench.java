package tech.brokerbridge.launcher.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

/**
 * bench/dashboard: three dashboard tabs on the real daemon (packaged jar, paper mode, the default rate
 * limit of 100 requests per 60 s, the trading loop scanning every minute in a US session) for N minutes.
 * Each minute it reads the server's rate-limiter figures (API requests allowed and refused) and each tab's
 * own count of the requests it made, and prints them; the run fails (exit 1) on any 429 or any console
 * error. Not a test: run by bench/dashboard/run.sh.
 */
public final class DashboardTabsBench {
    private static final String TOKEN = "bench-admin-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardTabsBench() {
    }

    public static void main(String[] args) throws Exception {
        int minutes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Path home = Files.createTempDirectory("bb-bench-home");
        Files.writeString(home.resolve("config.json"), "{\"scan_interval_minutes\": 1}\n");
        HttpClient http = HttpClient.newHttpClient();
        int exit = 0;
        try (JarDaemon daemon = new JarDaemon(home, "2026-11-27T15:00:00Z", Map.of("BROKERBRIDGE_ADMIN_TOKEN", TOKEN));
                Browser b = new Browser(Files.createTempDirectory("bb-bench-profile"))) {
            String[] panels = {"proposals", "positions", "activity"};
            List<String> handles = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                if (i > 0) {
                    b.driver.switchTo().newWindow(WindowType.TAB);
                }
                b.driver.get(daemon.url);
                b.wait.until(d -> "live".equals(d.findElement(By.id("live")).getText()));
                b.click(b.driver.findElement(By.id("tab-" + panels[i])));
                handles.add(b.driver.getWindowHandle());
            }
            post(http, daemon.url + "api/trading/start");
            System.out.printf("3 tabs (%s), trading loop every minute, limit 100 requests / 60 s, %d minutes%n",
                    String.join(", ", panels), minutes);
            System.out.println("minute  api_allowed  api_refused(429)  in_last_60s  tab1  tab2  tab3  scans");
            long lastAllowed = 0;
            long maxWindow = 0;
            long refused = 0;
            long[] tabs = new long[3];
            for (int m = 1; m <= minutes; m++) {
                Thread.sleep(Duration.ofMinutes(1).toMillis());
                JsonNode rl = diagnostics(http, daemon.url).get("rate_limiter");
                long allowed = rl.get("allowed").asLong();
                refused = rl.get("refused").asLong();
                for (int i = 0; i < 3; i++) {
                    b.driver.switchTo().window(handles.get(i));
                    tabs[i] = ((Number) b.js("return BB.requests || 0;")).longValue();
                }
                long window = allowed - lastAllowed;
                maxWindow = Math.max(maxWindow, window);
                lastAllowed = allowed;
                long scans = daemon.output.stream().filter(l -> l.contains("scan scn-")).count();
                System.out.printf("%6d  %11d  %16d  %11d  %4d  %4d  %4d  %5d%n", m, allowed, refused, window, tabs[0],
                        tabs[1], tabs[2], scans);
            }
            List<String> problems = b.problems();
            System.out.printf("result: %d API requests in the busiest minute (limit 100, %.0f %% of it), %d answers "
                    + "of 429, tabs made %d / %d / %d requests in %d minutes (%.1f per tab-minute; the old page "
                    + "polling 6 routes every 5 s made 72), console problems: %d%n", maxWindow, maxWindow * 100.0 / 100,
                    refused, tabs[0], tabs[1], tabs[2], minutes, (tabs[0] + tabs[1] + tabs[2]) / (3.0 * minutes),
                    problems.size());
            problems.forEach(p -> System.out.println("  " + p));
            if (refused > 0 || !problems.isEmpty() || maxWindow >= 100) {
                exit = 1;
            }
        }
        System.exit(exit);
    }

    private static void post(HttpClient http, String url) throws Exception {
        http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private static JsonNode diagnostics(HttpClient http, String base) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "api/admin/diagnostics"))
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("diagnostics: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
