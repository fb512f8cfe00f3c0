package tech.brokerbridge.launcher.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ai.AdvisorHandle;
import tech.brokerbridge.core.CredentialBook;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.advisor.AdvisorException;
import tech.brokerbridge.ports.secrets.SecretStore;
import tech.brokerbridge.ports.tck.AdvisorContract;

/** The credentials API over a real socket against the whole desk, with local servers shaped like the AI providers. */
class CredentialsApiTest {
    static final String GOOD = "sk-good-test-key-0001";
    static final String BAD = "sk-bad-test-key-0002";
    static final List<String> AI = List.of("claude", "openai", "openrouter", "google");
    @TempDir
    Path home;

    private static Map<String, String> with(Map<String, String> a, String k, String v) {
        Map<String, String> m = new HashMap<>(a);
        m.put(k, v);
        return m;
    }

    private static String state(RunningDesk d, String provider) throws Exception {
        return d.getJson("/api/credentials/status").get("providers").get(provider).asText();
    }

    private static String message(RunningDesk d, String provider) throws Exception {
        return d.getJson("/api/credentials/status").get("messages").get(provider).asText();
    }

    @Test
    void eachProviderTestsAKeyWithoutSavingIt() throws Exception {
        try (FakeProviders f = new FakeProviders(GOOD); RunningDesk d = RunningDesk.start(home, f.env())) {
            for (String p : AI) {
                JsonNode ok = d.json(d.post("/api/credentials/test", RunningDesk.credential(p, GOOD)), 200);
                assertEquals("ok", ok.get("result").asText(), p + ": " + ok);
                JsonNode no = d.json(d.post("/api/credentials/test", RunningDesk.credential(p, BAD)), 200);
                assertEquals("unauthorized", no.get("result").asText(), p + ": " + no);
            }
            assertEquals(List.of("GET /v1/models", "GET /v1/models", "GET /v1/models", "GET /v1/models",
                    "GET /api/v1/key", "GET /api/v1/key", "GET /v1beta/models", "GET /v1beta/models"), f.calls);
            JsonNode stripe = d.json(d.post("/api/credentials/test", RunningDesk.credential("stripe", GOOD)), 200);
            assertEquals("not_available", stripe.get("result").asText());
            assertTrue(stripe.get("message").asText().contains("not available in this build"), stripe.toString());
            assertEquals("not_available", d.json(d.post("/api/credentials/test", RunningDesk.credential("ibkr", GOOD)),
                    200).get("result").asText());
            assertEquals("only api_key is supported", d.json(d.post("/api/credentials/test", "{\"provider\":\"claude\","
                    + "\"auth_type\":\"oauth\",\"credential\":\"" + GOOD + "\"}"), 422).get("error").get("message").asText());
            for (String p : AI) {
                assertEquals("missing", state(d, p), "testing saves nothing");
            }
        }
        try (RunningDesk d = RunningDesk.start(home, FakeProviders.unreachableEnv())) {
            for (String p : AI) {
                JsonNode r = d.json(d.post("/api/credentials/test", RunningDesk.credential(p, GOOD)), 200);
                assertEquals("unreachable", r.get("result").asText(), p + ": " + r);
            }
        }
    }

    @Test
    void aSavedKeySurvivesARestartAndLivesOnlyInTheVault() throws Exception {
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode saved = d.json(d.post("/api/credentials/save", RunningDesk.credential("claude", GOOD)), 200);
            assertEquals("saved", saved.get("status").asText());
            d.json(d.post("/api/setup/config", "{\"risk\":{\"max_open_trades\":4}}"), 200);
            JsonNode s = d.getJson("/api/credentials/status");
            assertEquals("{\"claude\":\"saved\",\"openai\":\"missing\",\"openrouter\":\"missing\",\"google\":\"missing\","
                    + "\"ibkr\":\"missing\",\"stripe\":\"missing\",\"telegram\":\"missing\",\"smtp\":\"missing\","
                    + "\"ntfy\":\"missing\",\"webhook\":\"missing\"}", s.get("providers").toString());
            assertTrue(s.get("messages").get("ibkr").asText().contains("IB Gateway needs no credential"));
        }
        try (Stream<Path> files = Files.walk(home)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(new String(Files.readAllBytes(p), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(GOOD), "the key in plain text in " + p);
            }
        }
        try (RunningDesk again = RunningDesk.start(home, Map.of())) {
            assertEquals("saved", state(again, "claude"));
            assertEquals(Secret.of(GOOD), again.get(SecretStore.class).get("claude.api_key").orElseThrow());
            JsonNode del = again.json(again.delete("/api/credentials/claude"), 200);
            assertTrue(del.get("deleted").asBoolean());
            assertEquals("missing", del.get("status").asText());
            assertFalse(again.json(again.delete("/api/credentials/claude"), 200).get("deleted").asBoolean());
            assertEquals(404, again.delete("/api/credentials/acme").statusCode());
            assertEquals("missing", state(again, "claude"));
        }
    }

    @Test
    void theRunningProvidersLastCallShowsErrorOrConnected() throws Exception {
        try (FakeProviders f = new FakeProviders(GOOD);
                RunningDesk d = RunningDesk.start(home, with(f.env(), "BROKERBRIDGE_AI_PROVIDER", "claude"))) {
            AdvisorHandle advisor = d.get(AdvisorHandle.class);
            assertEquals("missing", state(d, "claude"));
            assertEquals("[\"credentials.claude\"]", d.getJson("/api/setup/status").get("missing").toString());
            d.json(d.post("/api/credentials/save", RunningDesk.credential("claude", BAD)), 200);
            assertEquals("saved", state(d, "claude"));
            AdvisorException e = assertThrows(AdvisorException.class, () -> advisor.decide(AdvisorContract.strongLong("AAPL")));
            assertEquals(AdvisorException.Kind.UNAUTHORIZED, e.kind());
            assertEquals("error", state(d, "claude"));
            assertEquals("unauthorized", message(d, "claude"));

            JsonNode saved = d.json(d.post("/api/credentials/save", RunningDesk.credential("claude", GOOD)), 200);
            assertEquals("saved", saved.get("status").asText(), "a new key is not blamed for the old one's failure");
            advisor.decide(AdvisorContract.strongLong("AAPL"));
            assertEquals("connected", state(d, "claude"));
            assertEquals("[]", d.getJson("/api/setup/status").get("missing").toString());
            assertEquals("missing", state(d, "openai"), "another provider's state is the vault's");
        }
    }

    @Test
    void keysSavedOnAnotherMachineAreUndecryptableUntilSavedAgain() throws Exception {
        try (RunningDesk a = RunningDesk.start(home, Map.of())) {
            a.json(a.post("/api/credentials/save", RunningDesk.credential("claude", GOOD)), 200);
            a.json(a.post("/api/credentials/save", RunningDesk.credential("openai", GOOD)), 200);
        }
        try (RunningDesk b = RunningDesk.start(home, Map.of("BROKERBRIDGE_MACHINE_ID", "test-machine-bbbb-0002"))) {
            assertEquals("undecryptable", state(b, "claude"));
            assertEquals(CredentialBook.ANOTHER_MACHINE, message(b, "claude"));
            assertEquals("encrypted on another machine \u2014 enter them again", message(b, "openai"));
            JsonNode saved = b.json(b.post("/api/credentials/save", RunningDesk.credential("claude", BAD)), 200);
            assertEquals("saved", saved.get("status").asText());
            assertEquals("saved", state(b, "claude"));
            assertEquals("undecryptable", state(b, "openai"));
            assertEquals(Secret.of(BAD), b.get(SecretStore.class).get("claude.api_key").orElseThrow());
            assertTrue(b.json(b.delete("/api/credentials/openai"), 200).get("deleted").asBoolean(),
                    "an undecryptable key can be deleted");
            assertEquals("missing", state(b, "openai"));
        }
    }

    @Test
    void ibkrHasNothingToSaveAndItsTestTriesTheGateway() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        try (RunningDesk d = RunningDesk.start(home, Map.of())) {
            JsonNode down = d.json(d.post("/api/credentials/ibkr/test", "{\"host\":\"127.0.0.1\",\"port\":" + closed
                    + ",\"client_id\":9}"), 200);
            assertFalse(down.get("ok").asBoolean());
            assertEquals(0, down.get("server_version").asInt());
            assertEquals(0, down.get("accounts").size());
            assertFalse(down.get("message").asText().isBlank(), down.toString());
            JsonNode remote = d.json(d.post("/api/credentials/ibkr/test", "{\"host\":\"10.1.2.3\",\"port\":4002,"
                    + "\"client_id\":9}"), 422).get("error");
            assertEquals("host", remote.get("field").asText());
            assertTrue(remote.get("message").asText().contains("ibkr.allow_remote_host"), remote.toString());
            JsonNode refused = d.json(d.post("/api/credentials/save", RunningDesk.credential("ibkr", GOOD)), 422);
            assertTrue(refused.get("error").get("message").asText().startsWith("IB Gateway needs no credential"));
            assertFalse(d.json(d.delete("/api/credentials/ibkr"), 200).get("deleted").asBoolean());
        }
    }
}
