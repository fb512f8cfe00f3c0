package tech.brokerbridge.launcher.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.core.DeskConfig;
import tech.brokerbridge.core.DeskConfig.RiskLimits;
import tech.brokerbridge.core.DeskConfig.ScoreWeights;
import tech.brokerbridge.http.HttpServerConfig;
import tech.brokerbridge.ports.config.Rate;
import tech.brokerbridge.ports.config.Setting;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Config load(Map<String, String> env, Map<String, String> flags) {
        return ConfigLoader.load(env, dir.resolve("user"), Optional.empty(), flags);
    }

    private ConfigException refused(Map<String, String> env, List<ConfigLoader.Flag> flags) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(env, dir.resolve("user"), Optional.of(dir),
                flags));
    }

    private void writeConfig(String json) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("config.json"), json);
    }

    @Test
    void defaultsApplyWithNothingSet() {
        Config c = load(Map.of(), Map.of());
        assertEquals(dir.resolve("user").resolve(".brokerbridge"), c.home());
        assertEquals(8080, c.get(HttpServerConfig.PORT));
        assertEquals(new Rate(100, Duration.ofSeconds(60)), c.get(HttpServerConfig.RATE_LIMIT));
        assertEquals(List.of(), c.get(HttpServerConfig.ALLOWED_HOSTS));
        assertTrue(c.find(HttpServerConfig.ADMIN_TOKEN).isEmpty());
        assertEquals(20, c.get(DeskConfig.WATCHLIST).size());
        assertEquals("default", c.source(HttpServerConfig.PORT.key()));
    }

    @Test
    void precedenceIsDefaultsThenFileThenEnvironmentThenFlags() throws IOException {
        writeConfig("{\"port\": 9001, \"risk\": {\"max_open_trades\": 3}, \"scan_interval_minutes\": 7}");
        Map<String, String> env = Map.of("BROKERBRIDGE_HOME", dir.toString(), "BROKERBRIDGE_PORT", "9002",
                "BROKERBRIDGE_RISK_MAX_OPEN_TRADES", "4");
        Config c = load(env, Map.of(HttpServerConfig.PORT.key(), "9003"));
        assertEquals(dir.toAbsolutePath().normalize(), c.home());
        assertEquals(9003, c.get(HttpServerConfig.PORT));
        assertEquals("flag", c.source(HttpServerConfig.PORT.key()));
        assertEquals(4, c.get(RiskLimits.MAX_OPEN_TRADES));
        assertEquals("environment BROKERBRIDGE_RISK_MAX_OPEN_TRADES", c.source(RiskLimits.MAX_OPEN_TRADES.key()));
        assertEquals(7, c.get(DeskConfig.SCAN_INTERVAL_MINUTES));
        assertEquals("config.json", c.source(DeskConfig.SCAN_INTERVAL_MINUTES.key()));
    }

    @Test
    void homeFlagWinsOverEnvironment() {
        Config c = ConfigLoader.load(Map.of("BROKERBRIDGE_HOME", "/nowhere"), dir, Optional.of(dir.resolve("h")), Map.of());
        assertEquals(dir.resolve("h"), c.home());
    }

    @Test
    void everyKeyHasItsEnvironmentVariable() {
        for (Setting<?> s : Settings.all()) {
            assertEquals("BROKERBRIDGE_" + s.key().replace('.', '_').toUpperCase(java.util.Locale.ROOT), s.envName());
        }
        Config c = load(Map.of("BROKERBRIDGE_RATE_LIMIT", "5/1m", "BROKERBRIDGE_ALLOWED_HOSTS", "desk.lan, my-box",
                "BROKERBRIDGE_ADMIN_TOKEN", "0123456789abcdef-token"), Map.of());
        assertEquals(new Rate(5, Duration.ofMinutes(1)), c.get(HttpServerConfig.RATE_LIMIT));
        assertEquals(List.of("desk.lan", "my-box"), c.get(HttpServerConfig.ALLOWED_HOSTS));
        assertEquals("0123456789abcdef-token", c.get(HttpServerConfig.ADMIN_TOKEN));
    }

    @Test
    void aliasesAreAccepted() {
        Config c = load(Map.of("BROKERBRIDGE_BROKER", "paper", "BROKERBRIDGE_AI_PROVIDER", "offline"), Map.of());
        assertEquals("environment BROKERBRIDGE_BROKER", c.source(DaemonSettings.BROKER_KIND.key()));
        assertEquals("environment BROKERBRIDGE_AI_PROVIDER", c.source("ai_provider.provider"));
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        writeConfig("{\"port\": \"eighty\", \"nope\": 1, \"admin_token\": \"0123456789abcdefgh\"}");
        ConfigException e = assertThrows(ConfigException.class, () -> load(
                Map.of("BROKERBRIDGE_HOME", dir.toString(), "BROKERBRIDGE_RATE_LIMIT", "lots",
                        "BROKERBRIDGE_RISK_MAX_POSITION_SIZE_PCT", "-1"),
                Map.of("bogus.key", "1", DeskConfig.WATCHLIST.key(), "aapl")));
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
        assertTrue(load(Map.of("BROKERBRIDGE_ADMIN_TOKEN", ""), Map.of()).find(HttpServerConfig.ADMIN_TOKEN).isEmpty());
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
                ScoreWeights.EVIDENCE.key(), "0", ScoreWeights.QUALITY.key(), "0", ScoreWeights.CONVICTION.key(), "0")));
        assertTrue(e.getMessage().contains("must not all be 0"));
        assertEquals(1, e.problems().size(), "the weights rule is stated and checked once: " + e.problems());
    }

    // issue 10.9: every value given is validated; two sources for one key at one level are an error

    @Test
    void aSetFlagAndItsShortcutForOneKeyAreAConflictAndBothValuesAreChecked() {
        ConfigException e = refused(Map.of(), List.of(ConfigLoader.Flag.set("port=abc"),
                new ConfigLoader.Flag("--port", "port", "9000")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("port: given 2 times on the command line (--set port=…, --port); give it once"), all);
        assertTrue(all.contains("port (flag): must be a whole number between 0 and 65535 — got 'abc'"), all);
        e = refused(Map.of(), List.of(ConfigLoader.Flag.set("port=9001"), ConfigLoader.Flag.set("port=9002")));
        assertTrue(e.problems().get(0).contains("given 2 times on the command line"), e.problems().toString());
        assertTrue(refused(Map.of(), List.of(ConfigLoader.Flag.set("port"))).problems().get(0)
                .contains("--set needs KEY=VALUE"));
    }

    @Test
    void aVariableAndItsAliasAreAConflict() {
        ConfigException e = refused(Map.of("BROKERBRIDGE_BROKER_KIND", "paper", "BROKERBRIDGE_BROKER", "ibkr"),
                List.of());
        assertEquals(List.of("broker.kind: BROKERBRIDGE_BROKER_KIND and BROKERBRIDGE_BROKER are both set; set only one"),
                e.problems());
    }

    @Test
    void aFlatAndANestedSpellingOfOneKeyAreAConflict() throws IOException {
        writeConfig("{\"risk.max_open_trades\": 3, \"risk\": {\"max_open_trades\": 4}}");
        assertEquals(List.of("config.json: 'risk.max_open_trades' is given twice (flat and nested); keep one"),
                refused(Map.of(), List.of()).problems());
        writeConfig("{\"port\": 9001, \"port\": 9002}");
        assertTrue(refused(Map.of(), List.of()).problems().get(0).endsWith("a name is given twice in one object"));
    }

    @Test
    void aLowerLevelValueIsCheckedEvenWhenAHigherOneWins() throws IOException {
        writeConfig("{\"port\": \"eighty\"}");
        ConfigException e = refused(Map.of("BROKERBRIDGE_PORT", "9000"), List.of());
        assertEquals(List.of("port (config.json): must be a whole number between 0 and 65535 — got 'eighty'"),
                e.problems());
    }

    // issue 10.10: range errors say the range

    @Test
    void aRateOutOfRangeSaysTheRanges() {
        ConfigException e = refused(Map.of("BROKERBRIDGE_RATE_LIMIT", "2147483647/60s"), List.of());
        assertEquals(List.of("rate_limit (environment BROKERBRIDGE_RATE_LIMIT): is out of range: N must be between 1 and"
                + " 1000000000 and W between 1 s and 24 h — got '2147483647/60s'"), e.problems());
        e = refused(Map.of("BROKERBRIDGE_RATE_LIMIT", "100/25h"), List.of());
        assertTrue(e.problems().get(0).contains("W between 1 s and 24 h"), e.problems().toString());
        e = refused(Map.of(), List.of(ConfigLoader.Flag.set("ibkr.client_id=99999999999999999999")));
        assertTrue(e.problems().get(0).contains("must be between 0 and 2147483647"), e.problems().toString());
        e = refused(Map.of(), List.of(ConfigLoader.Flag.set("risk.max_open_trades=1e3")));
        assertTrue(e.problems().get(0).contains("must be a whole number between 1 and 100"), e.problems().toString());
    }

    // issue 14.8: the watchlist is bounded

    @Test
    void aWatchlistOfMoreThan500SymbolsIsRefused() {
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < DeskConfig.MAX_WATCHLIST + 1; i++) {
            symbols.add("S" + i);
        }
        ConfigException e = refused(Map.of("BROKERBRIDGE_WATCHLIST", String.join(",", symbols)), List.of());
        assertTrue(e.problems().get(0).startsWith("watchlist (environment BROKERBRIDGE_WATCHLIST): must list at most 500"
                + " items"), e.problems().toString());
        String huge = String.join(",", Collections.nCopies(100_000, "AAPL"));
        assertTrue(refused(Map.of("BROKERBRIDGE_WATCHLIST", huge), List.of()).problems().get(0)
                .contains("must list at most 500 items"));
        assertEquals(500, ConfigLoader.load(Map.of("BROKERBRIDGE_WATCHLIST", String.join(",", symbols.subList(0, 500))),
                dir, Optional.of(dir), List.of()).get(DeskConfig.WATCHLIST).size());
    }

    // issue 14.7: a config.json that is too deep or not a file is one clear problem

    @Test
    void aConfigFileNested5000LevelsDeepIsOneClearProblem() throws IOException {
        writeConfig("{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        ConfigException e = refused(Map.of(), List.of());
        assertEquals(List.of("config.json: nested more than 16 levels deep; a key has at most three parts (e.g."
                + " {\"ai_provider\": {\"base_urls\": {\"claude\": …}}})"), e.problems());
    }

    @Test
    void aConfigFileThatIsADirectoryIsAProblem() throws IOException {
        Files.createDirectories(dir.resolve("config.json"));
        ConfigException e = refused(Map.of(), List.of());
        assertEquals(1, e.problems().size());
        assertTrue(e.problems().get(0).startsWith("config.json: " + dir.resolve("config.json") + " is not a regular file"),
                e.problems().toString());
    }
}
