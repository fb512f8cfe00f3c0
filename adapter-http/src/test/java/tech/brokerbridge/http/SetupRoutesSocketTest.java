package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.MutableClock;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.StubSetupDesk;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.http.testing.WatchedServer;
import tech.brokerbridge.ports.license.LicenseStatus;
import tech.brokerbridge.ports.setup.CredentialSave;
import tech.brokerbridge.ports.setup.CredentialTest;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;
import tech.brokerbridge.ports.setup.SetupConfig;

/** The setup and credentials routes over a real socket, against a stub setup desk. */
class SetupRoutesSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "sk-PLANTED-9f8e7d6c5b4a";

    private final StubDesk desk = new StubDesk();
    private final StubSetupDesk setup = new StubSetupDesk();
    private final WatchedServer server = new WatchedServer(HttpServerFactory.create(TestServer.config(), desk, setup,
            MutableClock.at("2026-03-02T15:00:00Z"), Map::of), SECRET);

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return server.send(java.net.http.HttpRequest.newBuilder(server.uri(path)).GET().build());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return server.send(java.net.http.HttpRequest.newBuilder(server.uri(path)).header("Content-Type",
                "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpResponse<String> delete(String path) throws Exception {
        return server.send(java.net.http.HttpRequest.newBuilder(server.uri(path)).DELETE().build());
    }

    private static JsonNode json(HttpResponse<String> r, int status) throws Exception {
        assertEquals(status, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static List<String> fields(JsonNode error) {
        List<String> out = new ArrayList<>();
        error.get("errors").forEach(e -> out.add(e.get("field").asText()));
        return out;
    }

    @Test
    void setupStatusAnswersEvenWhenTheLicenseIsInvalidAndTheRestIsGated() throws Exception {
        JsonNode s = json(get("/api/setup/status"), 200);
        assertFalse(s.get("complete").asBoolean());
        assertEquals("credentials.claude", s.get("missing").get(1).asText());
        assertEquals("ai_provider.provider", s.get("restart_required").get(0).asText());

        desk.license = StubDesk.license(LicenseStatus.INVALID, "the subscription was canceled");
        assertEquals(200, get("/api/setup/status").statusCode());
        assertEquals("license_invalid", json(get("/api/setup/config"), 403).get("error").get("code").asText());
        assertEquals(403, get("/api/credentials/status").statusCode());
    }

    @Test
    void configReadsAndAppliesAPartialUpdate() throws Exception {
        JsonNode c = json(get("/api/setup/config"), 200);
        assertEquals("offline", c.get("ai_provider").get("provider").asText());
        assertEquals("MSFT", c.get("watchlist").get(1).asText());
        assertFalse(c.has("risk"), "absent members are not shown");

        setup.restartRequired = List.of("ai_provider.provider");
        JsonNode r = json(post("/api/setup/config", "{\"ai_provider\":{\"provider\":\"claude\",\"auth_type\":\"api_key\"},"
                + "\"risk\":{\"max_open_trades\":3,\"min_reward_risk\":2.5},\"watchlist\":[\"NVDA\"],"
                + "\"scan_interval_minutes\":10,\"broker\":{\"kind\":\"paper\",\"port\":4002},\"trading_mode\":null}"), 200);
        assertEquals("NVDA", r.get("config").get("watchlist").get(0).asText());
        assertEquals(List.of("ai_provider.provider"), List.of(r.get("restart_required").get(0).asText()));
        SetupConfig u = setup.lastUpdate;
        assertEquals(Optional.of("claude"), u.aiProvider().orElseThrow().provider());
        assertEquals(Optional.empty(), u.aiProvider().orElseThrow().model());
        assertEquals(OptionalInt.of(3), u.risk().orElseThrow().maxOpenTrades());
        assertEquals(2.5, u.risk().orElseThrow().minRewardRisk().getAsDouble());
        assertTrue(u.risk().orElseThrow().maxPositionSizePct().isEmpty());
        assertEquals(OptionalInt.of(4002), u.broker().orElseThrow().port());
        assertEquals(OptionalInt.of(10), u.scanIntervalMinutes());
        assertTrue(u.tradingMode().isEmpty(), "null reads as absent");
        assertTrue(u.scoring().isEmpty());
    }

    @Test
    void everyInvalidMemberIsReportedAtOnceAndNothingIsApplied() throws Exception {
        setup.validator = u -> {
            List<FieldError> e = new ArrayList<>();
            u.risk().flatMap(x -> x.maxPositionSizePct().isPresent() ? Optional.of(x) : Optional.empty())
                    .ifPresent(x -> e.add(new FieldError("risk.max_position_size_pct", "must be at most 100")));
            u.scanIntervalMinutes().ifPresent(x -> e.add(new FieldError("scan_interval_minutes", "must be 1-1440")));
            return e;
        };
        JsonNode err = json(post("/api/setup/config", "{\"risk\":{\"max_open_trades\":\"five\",\"max_position_size_pct\":150,"
                + "\"min_reward_risk\":1.5},\"watchlist\":\"AAPL\",\"scan_interval_minutes\":0,"
                + "\"ai_provider\":{\"provider\":7},\"max_ai_candidates\":2.5}"), 422).get("error");
        assertEquals("invalid_config", err.get("code").asText());
        assertEquals(List.of("ai_provider.provider", "risk.max_open_trades", "watchlist", "max_ai_candidates",
                "risk.max_position_size_pct", "scan_interval_minutes"), fields(err));
        assertTrue(err.get("message").asText().startsWith("6 invalid fields: "), err.toString());
        assertFalse(setup.calls.contains("apply"), "nothing applied when a type is wrong");

        err = json(post("/api/setup/config", "{\"scan_interval_minutes\":0}"), 422).get("error");
        assertEquals("scan_interval_minutes", err.get("field").asText());
        assertEquals("must be 1-1440", err.get("message").asText());
        assertTrue(setup.calls.contains("apply"));
    }

    @Test
    void unknownMembersAndBadBodiesAre400() throws Exception {
        JsonNode err = json(post("/api/setup/config", "{\"bogus\":1,\"risk\":{\"nope\":2},\"ai_provider\":{}}"), 400)
                .get("error");
        assertEquals("bogus", err.get("field").asText());
        assertEquals("risk.nope", err.get("fields").get(1).asText());
        assertEquals(400, post("/api/setup/config", "[1,2]").statusCode());
        assertEquals(400, post("/api/setup/config", "{\"risk\":").statusCode());
        assertEquals(405, delete("/api/setup/config").statusCode());
    }

    @Test
    void credentialTestAndSaveNeverEchoTheCredential() throws Exception {
        JsonNode t = json(post("/api/credentials/test", "{\"provider\":\"claude\",\"auth_type\":\"api_key\",\"credential\":\""
                + SECRET + "\"}"), 200);
        assertEquals("ok", t.get("result").asText());
        assertEquals("key accepted by claude", t.get("message").asText());
        setup.test = new CredentialTest(CredentialTest.Result.NOT_AVAILABLE, "no stripe check in this build");
        assertEquals("not_available", json(post("/api/credentials/test", "{\"provider\":\"stripe\",\"credential\":\""
                + SECRET + "\"}"), 200).get("result").asText());
        assertEquals(List.of("test claude api_key", "test stripe api_key"), setup.calls);
        assertEquals(List.of(SECRET, SECRET), setup.credentials);

        JsonNode s = json(post("/api/credentials/save", "{\"provider\":\"openai\",\"auth_type\":\"api_key\",\"credential\":\""
                + SECRET + "\"}"), 200);
        assertEquals("saved", s.get("status").asText());
        assertEquals("openai", s.get("provider").asText());
        setup.save = new CredentialSave.Refused("provider", "IB Gateway needs no credential");
        assertEquals("IB Gateway needs no credential", json(post("/api/credentials/save",
                "{\"provider\":\"ibkr\",\"credential\":\"" + SECRET + "\"}"), 422).get("error").get("message").asText());

        assertEquals("only api_key is supported", json(post("/api/credentials/test",
                "{\"provider\":\"claude\",\"auth_type\":\"oauth\",\"credential\":\"" + SECRET + "\"}"), 422)
                .get("error").get("message").asText());
        assertEquals("provider", json(post("/api/credentials/save", "{\"provider\":\"acme\",\"credential\":\"" + SECRET
                + "\"}"), 422).get("error").get("field").asText());
        assertEquals("credential", json(post("/api/credentials/save", "{\"provider\":\"claude\"}"), 400).get("error")
                .get("field").asText());
        assertEquals("credential", json(post("/api/credentials/save", "{\"provider\":\"claude\",\"credential\":\"  \"}"),
                422).get("error").get("field").asText());
        // the parser quotes an unquoted token back in its message; these bodies must not come back
        assertEquals(400, post("/api/credentials/save", "{\"provider\":\"claude\",\"credential\":" + SECRET + "}")
                .statusCode());
        assertEquals(400, post("/api/credentials/test", "{\"provider\":\"claude\",\"" + SECRET + "\":\"x\"}")
                .statusCode());
        assertEquals(400, post("/api/credentials/test", "{\"provider\":\"claude\",\"credential\":\"" + SECRET
                + "\",\"credential\":\"again\"}").statusCode());
        assertEquals(4, setup.credentials.size(), "requests refused by the route never reach the desk");
    }

    @Test
    void statusDeleteAndIbkrTest() throws Exception {
        JsonNode s = json(get("/api/credentials/status"), 200);
        assertEquals("error", s.get("providers").get("claude").asText());
        assertEquals("unauthorized", s.get("messages").get("claude").asText());
        List<String> names = new ArrayList<>();
        s.get("providers").fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("claude", "openai", "openrouter", "google", "ibkr", "stripe", "telegram", "smtp", "ntfy",
                "webhook"), names);

        JsonNode d = json(delete("/api/credentials/claude"), 200);
        assertTrue(d.get("deleted").asBoolean());
        assertEquals(404, delete("/api/credentials/acme").statusCode());
        assertEquals(404, delete("/api/credentials/test").statusCode());
        assertEquals(List.of("delete claude"), setup.calls);

        JsonNode na = json(post("/api/credentials/ibkr/test", "{\"host\":\"127.0.0.1\",\"port\":4002,\"client_id\":7}"),
                501).get("error");
        assertEquals("not_available", na.get("code").asText());
        assertEquals("ibkr 127.0.0.1 4002 7", setup.calls.get(1));
        setup.ibkr = new IbkrCheck.Answered(true, 176, List.of("DU****567"), "connected, 1 account",
                java.util.Map.of("DU****567", "paper"));
        JsonNode ok = json(post("/api/credentials/ibkr/test", "{\"host\":\"localhost\",\"port\":4002,\"client_id\":0}"),
                200);
        assertTrue(ok.get("ok").asBoolean());
        assertEquals(176, ok.get("server_version").asInt());
        assertEquals("DU****567", ok.get("accounts").get(0).asText());
        assertEquals("paper", ok.get("account_modes").get("DU****567").asText(), "the account mode it found");
        setup.ibkr = new IbkrCheck.Invalid(List.of(new FieldError("host", "must be a loopback address")));
        assertEquals("host", json(post("/api/credentials/ibkr/test", "{\"host\":\"10.0.0.5\",\"port\":4002,"
                + "\"client_id\":1}"), 422).get("error").get("field").asText());
        assertEquals("port", json(post("/api/credentials/ibkr/test", "{\"host\":\"localhost\",\"client_id\":1}"), 400)
                .get("error").get("field").asText());
        assertEquals("port", json(post("/api/credentials/ibkr/test", "{\"host\":\"localhost\",\"port\":70000,"
                + "\"client_id\":1}"), 422).get("error").get("field").asText());
    }

    @Test
    void withoutASetupDeskTheRoutesDoNotExist() throws Exception {
        assertEquals(404, server.defaults().get("/api/setup/status").statusCode());
        assertEquals(404, server.defaults().get("/api/credentials/status").statusCode());
    }

    /** Issue 14.6: a truncated or garbled secrets.json is one answer, with the file and the way out. */
    @Test
    void aDamagedVaultIsOneClearAnswerNotA500OrA503ByChance() throws Exception {
        setup.statusFailure = new tech.brokerbridge.ports.secrets.VaultDamagedException(
                "/home/u/.brokerbridge/secrets.json is damaged (not UTF-8 text): the stored credentials cannot be "
                        + "read. Restore it from a backup, or run 'brokerbridge credentials reset'");
        HttpResponse<String> r = get("/api/credentials/status");
        assertEquals(500, r.statusCode(), r.body());
        JsonNode err = JSON.readTree(r.body()).get("error");
        assertEquals("vault_damaged", err.get("code").asText());
        assertTrue(err.get("message").asText().contains("secrets.json is damaged"), r.body());
        assertTrue(err.get("message").asText().contains("credentials reset"), r.body());
        assertEquals(r.headers().firstValue("X-Request-Id").orElseThrow(), err.get("request_id").asText());
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElseThrow());
    }
}
