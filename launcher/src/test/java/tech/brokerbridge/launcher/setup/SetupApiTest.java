package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The setup API over a real socket, against the whole desk assembled as {@code serve} assembles it. */
class SetupApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path home;

    private static List<String> fields(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("error").get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    private JsonNode file() throws Exception {
        return JSON.readTree(Files.readString(home.resolve("config.json")));
    }

    @Test
    void aFreshDeskWorksOnItsDefaultsSoItIsSetUpAndShowsThem() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode s = d.getJson("/api/setup/status");
            assertTrue(s.get("complete").asBoolean(), "defaults count: every required choice has a usable value");
            assertEquals("[]", s.get("missing").toString());
            assertEquals(0, s.get("restart_required").size());
            JsonNode c = d.getJson("/api/setup/config");
            assertEquals("offline", c.get("ai_provider").get("provider").asText());
            assertEquals("api_key", c.get("ai_provider").get("auth_type").asText());
            assertEquals("paper", c.get("broker").get("kind").asText());
            assertEquals("127.0.0.1", c.get("broker").get("host").asText());
            assertEquals(4002, c.get("broker").get("port").asInt());
            assertEquals(1, c.get("broker").get("client_id").asInt());
            assertEquals(5, c.get("risk").get("max_open_trades").asInt());
            assertEquals(0.4, c.get("scoring").get("evidence_weight").asDouble());
            assertEquals("paper", c.get("trading_mode").asText());
            assertEquals(20, c.get("watchlist").size());
            assertEquals(5, c.get("scan_interval_minutes").asInt());
        }
    }

    @Test
    void anAcceptedUpdateIsSavedAndTheDeskUsesItAtOnce() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode r = d.json(d.post("/api/setup/config", "{\"risk\":{\"max_open_trades\":3,\"min_reward_risk\":2.0},"
                    + "\"watchlist\":[\"AAPL\",\"MSFT\"],\"scan_interval_minutes\":10,"
                    + "\"scoring\":{\"evidence_weight\":0.5},\"proposal_ttl_minutes\":15}"), 200);
            assertEquals(0, r.get("restart_required").size(), "all of it applies without a restart");
            assertEquals(3, r.get("config").get("risk").get("max_open_trades").asInt());
            assertEquals("[\"AAPL\",\"MSFT\"]", d.getJson("/api/setup/config").get("watchlist").toString());
            assertEquals(2, d.json(d.post("/api/scan", ""), 200).get("symbols_scanned").asInt(),
                    "the next scan reads the new watchlist");

            JsonNode f = file();
            assertEquals(3, f.get("risk").get("max_open_trades").asInt());
            assertEquals(2.0, f.get("risk").get("min_reward_risk").asDouble());
            assertEquals("[\"AAPL\",\"MSFT\"]", f.get("watchlist").toString());
            assertEquals(0.5, f.get("scoring").get("evidence_weight").asDouble());
            assertFalse(f.get("risk").has("max_position_size_pct"), "only what was set is written");
            JsonNode s = d.getJson("/api/setup/status");
            assertTrue(s.get("complete").asBoolean(), s.toString());
            try (Stream<Path> files = Files.list(home)) {
                assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith(".config-")),
                        "no staging left behind");
            }
        }
        try (RunningDesk again = RunningDesk.start(home, Map.of())) {
            assertEquals(3, again.getJson("/api/setup/config").get("risk").get("max_open_trades").asInt(),
                    "the next start reads the saved file");
            assertEquals(15, again.getJson("/api/setup/config").get("proposal_ttl_minutes").asInt());
        }
    }

    @Test
    void adapterChoicesWaitForARestart() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode r = d.json(d.post("/api/setup/config", "{\"ai_provider\":{\"provider\":\"claude\",\"auth_type\":"
                    + "\"api_key\",\"model\":\"claude-test-1\"},\"broker\":{\"kind\":\"paper\"},\"trading_mode\":\"paper\","
                    + "\"max_ai_candidates\":2}"), 200);
            assertEquals("[\"ai_provider.provider\",\"ai_provider.model\"]", r.get("restart_required").toString(),
                    "unchanged members (broker paper, trading mode paper) need nothing");
            JsonNode s = d.getJson("/api/setup/status");
            assertEquals("[\"ai_provider.provider\",\"ai_provider.model\"]", s.get("restart_required").toString());
            assertEquals("[\"credentials.claude\"]", s.get("missing").toString());
            assertEquals("claude", d.getJson("/api/setup/config").get("ai_provider").get("provider").asText());
            assertEquals("offline", d.getJson("/api/health").get("services").get("ai").get("provider").asText(),
                    "the running advisor is still the offline one");
        }
        try (RunningDesk again = RunningDesk.start(home, Map.of())) {
            assertEquals(0, again.getJson("/api/setup/status").get("restart_required").size());
            assertEquals("claude", again.getJson("/api/health").get("services").get("ai").get("provider").asText());
        }
    }

    @Test
    void theIbBrokerIsChosenForTheNextStart() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode r = d.json(d.post("/api/setup/config", "{\"broker\":{\"kind\":\"ibkr\",\"host\":\"localhost\","
                    + "\"port\":4001,\"client_id\":7}}"), 200);
            assertEquals("[\"broker.kind\",\"broker.host\",\"broker.port\",\"broker.client_id\"]",
                    r.get("restart_required").toString());
            assertEquals("{\"kind\":\"ibkr\",\"host\":\"localhost\",\"port\":4001,\"client_id\":7}",
                    d.getJson("/api/setup/config").get("broker").toString());
            JsonNode f = file();
            assertEquals("ibkr", f.get("broker").get("kind").asText());
            assertEquals("{\"host\":\"localhost\",\"port\":4001,\"client_id\":7}", f.get("ibkr").toString());
            assertEquals("paper", d.getJson("/api/health").get("services").get("broker").get("name").asText(),
                    "the running broker is still the paper one");
        }
    }

    @Test
    void everyInvalidMemberIsNamedAtOnceAndNothingIsWritten() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"risk.max_open_trades\": 4}\n");
        byte[] before = Files.readAllBytes(home.resolve("config.json"));
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode e = d.json(d.post("/api/setup/config", "{\"risk\":{\"max_open_trades\":0,\"max_position_size_pct\":150,"
                    + "\"max_daily_loss_pct\":\"two\"},\"watchlist\":[\"aapl\",\"MSFT\"],\"scan_interval_minutes\":0,"
                    + "\"ai_provider\":{\"provider\":\"acme\",\"auth_type\":\"oauth\"},\"trading_mode\":\"live\","
                    + "\"broker\":{\"host\":\"10.1.2.3\",\"port\":70000},\"scoring\":{\"evidence_weight\":-1}}"), 422);
            assertEquals("invalid_config", e.get("error").get("code").asText());
            assertEquals(List.of("risk.max_daily_loss_pct", "ai_provider.provider", "ai_provider.auth_type",
                    "broker.port", "risk.max_position_size_pct", "risk.max_open_trades", "scoring.evidence_weight",
                    "watchlist", "scan_interval_minutes", "trading_mode", "broker.host"), fields(e),
                    "each member's own checks, then the rules the loader applies to the members that passed");
            String all = e.toString();
            assertTrue(all.contains("only api_key is supported"), all);
            assertTrue(all.contains("live trading needs broker.kind ibkr"), all);
            assertTrue(all.contains("live trading needs a paid license (license evaluation: paper trading only;"), all);
            assertFalse(all.contains("evaluation: evaluation:"), "the status is said once: " + all);
            assertTrue(all.contains("ibkr.host must be a loopback address"), all);
            assertArrayEquals(before, Files.readAllBytes(home.resolve("config.json")), "nothing written");
            assertEquals(4, d.getJson("/api/setup/config").get("risk").get("max_open_trades").asInt());

            e = d.json(d.post("/api/setup/config", "{\"broker\":{\"kind\":\"ibkr\"},\"trading_mode\":\"live\"}"), 422);
            assertEquals(List.of("trading_mode"), fields(e));
            assertFalse(e.toString().contains("needs broker.kind ibkr"), "the broker is right now: " + e);
            assertTrue(e.toString().contains("needs a paid license"), e.toString());
            e = d.json(d.post("/api/setup/config", "{\"risk\":{\"max_open_trades\":500}}"), 422);
            assertEquals("risk.max_open_trades", e.get("error").get("field").asText(), "the desk's own limit (100)");
            assertArrayEquals(before, Files.readAllBytes(home.resolve("config.json")));
        }
    }

    @Test
    void aWatchlistOfMoreThan500SymbolsIsAFieldErrorAndNothingIsWritten() throws Exception {
        StringBuilder symbols = new StringBuilder();
        for (int i = 0; i < 501; i++) {
            symbols.append(i == 0 ? "" : ",").append("\"S").append(i).append('"');
        }
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode e = d.json(d.post("/api/setup/config", "{\"watchlist\":[" + symbols + "]}"), 422);
            assertEquals(List.of("watchlist"), fields(e));
            assertTrue(e.toString().contains("'watchlist' must list at most 500 items"), e.toString());
            assertFalse(Files.exists(home.resolve("config.json")), "nothing written");
            assertEquals(20, d.getJson("/api/setup/config").get("watchlist").size());
        }
    }

    @Test
    void wrongTypesAndBadValuesAreReportedTogether() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode e = d.json(d.post("/api/setup/config", "{\"risk\":{\"max_open_trades\":\"three\"},"
                    + "\"scan_interval_minutes\":0,\"watchlist\":[\"AAPL\",7]}"), 422);
            assertEquals(List.of("risk.max_open_trades", "watchlist", "scan_interval_minutes"), fields(e));
            assertFalse(Files.exists(home.resolve("config.json")), "nothing written");
        }
    }

    @Test
    void aConfigFileBrokenSinceTheStartIsReportedAndLeftAlone() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            Files.writeString(home.resolve("config.json"), "{\"bogus\": 1}");
            JsonNode e = d.json(d.post("/api/setup/config", "{\"max_ai_candidates\":2}"), 422);
            assertEquals("config.json", e.get("error").get("field").asText());
            assertTrue(e.get("error").get("message").asText().contains("unknown key 'bogus'"), e.toString());
            Files.writeString(home.resolve("config.json"), "{not json");
            e = d.json(d.post("/api/setup/config", "{\"max_ai_candidates\":2}"), 422);
            assertEquals("config.json", e.get("error").get("field").asText());
            assertEquals("{not json", Files.readString(home.resolve("config.json")));
            assertEquals(3, d.getJson("/api/setup/config").get("max_ai_candidates").asInt());
            Files.delete(home.resolve("config.json"));
            Files.createDirectory(home.resolve("config.json"));
            e = d.json(d.post("/api/setup/config", "{\"max_ai_candidates\":2}"), 422);
            assertEquals("config.json", e.get("error").get("field").asText(), "a directory is a clear 422, not a 500");
            assertTrue(e.get("error").get("message").asText().contains("is not a regular file"), e.toString());
        }
    }

    @Test
    void theUsersOtherKeysAreKeptAndAFlatKeyIsReplaced() throws Exception {
        Files.writeString(home.resolve("config.json"), "{\"risk.max_open_trades\": 4, \"shutdown_grace_seconds\": 3,"
                + " \"risk\": {\"min_reward_risk\": 2.5}}\n");
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            d.json(d.post("/api/setup/config", "{\"risk\":{\"max_open_trades\":2}}"), 200);
            JsonNode f = file();
            assertFalse(f.has("risk.max_open_trades"));
            assertEquals(2, f.get("risk").get("max_open_trades").asInt());
            assertEquals(2.5, f.get("risk").get("min_reward_risk").asDouble());
            assertEquals(3, f.get("shutdown_grace_seconds").asInt());
        }
    }

    @Test
    void aMemberSetByTheEnvironmentCannotBeChangedHere() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of("BROKERBRIDGE_SCAN_INTERVAL_MINUTES", "7"))) {
            JsonNode e = d.json(d.post("/api/setup/config", "{\"scan_interval_minutes\":10}"), 422);
            assertTrue(e.get("error").get("message").asText().contains(
                    "set by the environment variable BROKERBRIDGE_SCAN_INTERVAL_MINUTES"), e.toString());
            d.json(d.post("/api/setup/config", "{\"scan_interval_minutes\":7,\"max_ai_candidates\":4}"), 200);
            JsonNode f = file();
            assertEquals(7, f.get("scan_interval_minutes").asInt(), "the same value is harmless");
        }
    }
}
