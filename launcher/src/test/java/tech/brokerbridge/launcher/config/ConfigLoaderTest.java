package tech.brokerbridge.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Config load(Map<String, String> env, Map<String, String> flags) {
        return ConfigLoader.load(env, dir.resolve("user"), Optional.empty(), flags);
    }

    private void writeConfig(String json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), json);
    }

    @Test
    void defaultsApplyWithNothingSet() {
        Config c = load(Map.of(), Map.of());
        assertEquals(dir.resolve("user").resolve(".brokerbridge"), c.home());
        assertEquals(8080, c.integer(Settings.PORT));
        assertEquals(100, c.rateRequests(Settings.RATE_LIMIT));
        assertEquals(Duration.ofSeconds(60), c.rateWindow(Settings.RATE_LIMIT));
        assertEquals(List.of(), c.list(Settings.ALLOWED_HOSTS));
        assertTrue(c.secret(Settings.ADMIN_TOKEN).isEmpty());
        assertEquals(20, c.list(Settings.WATCHLIST).size());
        assertEquals("default", c.source(Settings.PORT));
    }

    @Test
    void precedenceIsDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        writeConfig("{\"port\": 9001, \"risk\": {\"max_open_trades\": 3}, \"scan_interval_minutes\": 7}");
        Map<String, String> env = Map.of("BROKERBRIDGE_HOME", dir.toString(), "BROKERBRIDGE_PORT", "9002",
                "BROKERBRIDGE_RISK_MAX_OPEN_TRADES", "4");
        Config c = load(env, Map.of(Settings.PORT, "9003"));
        assertEquals(dir.toAbsolutePath().normalize(), c.home());
        assertEquals(9003, c.integer(Settings.PORT));
        assertEquals("flag", c.source(Settings.PORT));
        assertEquals(4, c.integer(Settings.MAX_OPEN_TRADES));
        assertEquals("environment BROKERBRIDGE_RISK_MAX_OPEN_TRADES", c.source(Settings.MAX_OPEN_TRADES));
        assertEquals(7, c.integer(Settings.SCAN_INTERVAL_MINUTES));
        assertEquals("config.json", c.source(Settings.SCAN_INTERVAL_MINUTES));
    }

    @Test
    void homeFlagWinsOverEnvironment() {
        Config c = ConfigLoader.load(Map.of("BROKERBRIDGE_HOME", "/nowhere"), dir, Optional.of(dir.resolve("h")), Map.of());
        assertEquals(dir.resolve("h"), c.home());
    }

    @Test
    void everyKeyHasItsEnvironmentVariable() {
        for (Setting s : Settings.all()) {
            assertEquals("BROKERBRIDGE_" + s.key().replace('.', '_').toUpperCase(java.util.Locale.ROOT), s.envName());
        }
        Config c = load(Map.of("BROKERBRIDGE_RATE_LIMIT", "5/1m", "BROKERBRIDGE_ALLOWED_HOSTS", "desk.lan, my-box",
                "BROKERBRIDGE_ADMIN_TOKEN", "0123456789abcdef-token"), Map.of());
        assertEquals(5, c.rateRequests(Settings.RATE_LIMIT));
        assertEquals(Duration.ofMinutes(1), c.rateWindow(Settings.RATE_LIMIT));
        assertEquals(List.of("desk.lan", "my-box"), c.list(Settings.ALLOWED_HOSTS));
        assertEquals("0123456789abcdef-token", c.secret(Settings.ADMIN_TOKEN).orElseThrow().reveal());
    }

    @Test
    void aliasesAreAccepted() {
        Config c = load(Map.of("BROKERBRIDGE_BROKER", "paper", "BROKERBRIDGE_AI_PROVIDER", "offline"), Map.of());
        assertEquals("environment BROKERBRIDGE_BROKER", c.source(Settings.BROKER_KIND));
        assertEquals("environment BROKERBRIDGE_AI_PROVIDER", c.source(Settings.AI_PROVIDER));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        writeConfig("{\"port\": \"eighty\", \"nope\": 1, \"admin_token\": \"0123456789abcdefgh\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> load(
                Map.of("BROKERBRIDGE_HOME", dir.toString(), "BROKERBRIDGE_RATE_LIMIT", "lots",
                        "BROKERBRIDGE_RISK_MAX_POSITION_SIZE_PCT", "-1"),
                Map.of("bogus.key", "1", Settings.WATCHLIST, "aapl")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("port (config.json): must be a whole number"), all);
        assertTrue(all.contains("config.json: unknown key 'nope'"), all);
        assertTrue(all.contains("'admin_token' is a secret"), all);
        assertTrue(all.contains("rate_limit (environment BROKERBRIDGE_RATE_LIMIT)"), all);
        assertTrue(all.contains("risk.max_position_size_pct"), all);
        assertTrue(all.contains("flag: unknown key 'bogus.key'"), all);
        assertTrue(all.contains("watchlist (flag): item 'aapl'"), all);
        assertEquals(7, e.problems().size(), all);
        assertFalse(e.getMessage().contains("0123456789abcdefgh"), "a secret must never be echoed");
    }

    @Test
    void malformedConfigFileIsOneClearProblem() throws IOException {
        writeConfig("{\"port\": 80,,}");
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("BROKERBRIDGE_HOME", dir.toString()), Map.of()));
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("config.json: not valid JSON (line 1"), e.problems().get(0));
    }

    @Test
    void aShortAdminTokenIsRefusedWithoutEchoingIt() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> load(Map.of("BROKERBRIDGE_ADMIN_TOKEN", "short-secret"), Map.of()));
        assertTrue(e.getMessage().contains("admin_token"));
        assertFalse(e.getMessage().contains("short-secret"));
    }

    @Test
    void emptyAdminTokenMeansUnset() {
        assertTrue(load(Map.of("BROKERBRIDGE_ADMIN_TOKEN", ""), Map.of()).secret(Settings.ADMIN_TOKEN).isEmpty());
    }

    @Test
    void maskedViewHidesSecretsAndShowsSources() {
        Config c = load(Map.of("BROKERBRIDGE_ADMIN_TOKEN", "0123456789abcdef-token"), Map.of());
        String shown = c.masked().toString();
        assertFalse(shown.contains("0123456789abcdef-token"));
        assertTrue(shown.contains("admin_token={"), shown);
        assertTrue(shown.contains("****"), shown);
    }

    @Test
    void weightsMustNotAllBeZero() {
        ConfigException e = assertThrows(ConfigException.class, () -> load(Map.of(), Map.of(
                Settings.WEIGHT_EVIDENCE, "0", Settings.WEIGHT_QUALITY, "0", Settings.WEIGHT_CONVICTION, "0")));
        assertTrue(e.getMessage().contains("must not all be 0"));
    }
}
