package tech.brokerbridge.launcher.ai;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.brokerbridge.ai.fake.Canned;
import tech.brokerbridge.ai.fake.FakeProviderServer;
import tech.brokerbridge.ai.fake.ProviderApi;
import tech.brokerbridge.ai.fake.ProviderJson;

/**
 * A provider that is down or slow never stops the scan loop or the HTTP API: the setups are
 * recorded {@code ai_unreachable} / {@code ai_timeout}, nothing is proposed, every failed attempt is
 * in the audit, health says why, and the API keeps answering while the scan waits for the provider.
 */
class ProviderDownTest {
    private static final Duration PROBE_BOUND = Duration.ofSeconds(5);

    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aProviderOnAClosedPortLeavesTheLoopRunningAndProposesNothing(ProviderApi api) throws Exception {
        URI baseUrl = URI.create("http://127.0.0.1:" + closedPort() + api.basePath());
        try (TestDesk desk = TestDesk.withProvider(home, api, baseUrl,
                Map.of("ai.max_retries", "0", "ai.timeout_seconds", "1"))) {
            desk.saveCredential(api.provider(), "key-" + api.provider());

            // the loop scans at once; a provider that cannot be reached does not end it
            desk.post("/api/trading/start", "");
            List<JsonNode> fromLoop = awaitDecisions(desk, "ai_unreachable");
            assertFalse(fromLoop.isEmpty());
            assertTrue(desk.get("/api/health").path("trading_loop_active").asBoolean(), "the loop is still on");

            JsonNode scan = desk.scan();
            List<JsonNode> unreachable = TestDesk.decisions(scan, "ai_unreachable");
            assertFalse(unreachable.isEmpty(), TestDesk.outcomes(scan).toString());
            assertTrue(TestDesk.decisions(scan, "proposed").isEmpty(), TestDesk.outcomes(scan).toString());
            unreachable.forEach(d -> assertTrue(d.path("reason").asText().contains("cannot connect"), d.toString()));
            assertTrue(desk.pendingProposals().isEmpty());

            int attempts = count(allDecisions(desk), "ai_unreachable");
            List<JsonNode> audit = desk.audit();
            assertEquals(attempts, audit.size(), "one audited attempt per unreachable decision (no retries)");
            for (JsonNode x : audit) {
                assertEquals(api.provider(), x.path("provider").asText());
                assertEquals(0, x.path("status").asInt(), "no response came");
                assertTrue(x.path("url").asText().startsWith(baseUrl.toString()), x.toString());
                assertTrue(x.path("request_body").asText().contains("\\\"symbol\\\""), "what would have left");
                assertEquals("", x.path("response_body").asText());
            }

            JsonNode health = desk.get("/api/health");
            assertTrue(health.path("trading_loop_active").asBoolean());
            JsonNode ai = health.path("services").path("ai");
            assertFalse(ai.path("connected").asBoolean(), ai.toString());
            assertTrue(ai.path("message").asText().startsWith("ai_unreachable"), ai.toString());
            desk.post("/api/trading/stop", "");
        }
    }

    @ParameterizedTest
    @EnumSource(ProviderApi.class)
    void aProviderSlowerThanTheTimeoutNeverHoldsUpTheApi(ProviderApi api) throws Exception {
        String key = "key-" + api.provider();
        Canned tooLate = Canned.of(200, api.success(ProviderJson.answer("approve", 0.9, "too late")))
                .after(Duration.ofSeconds(5));
        try (FakeProviderServer fake = new FakeProviderServer(api, key).answering(r -> tooLate);
                TestDesk desk = TestDesk.withProvider(home, api, fake.baseUrl(),
                        Map.of("ai.timeout_seconds", "1", "ai.max_retries", "0"))) {
            desk.saveCredential(api.provider(), key);

            CompletableFuture<HttpResponse<String>> scanning = TestDesk.sendAsync(
                    HttpRequest.newBuilder(URI.create(desk.url() + "/api/scan"))
                            .POST(HttpRequest.BodyPublishers.noBody()),
                    Duration.ofSeconds(60));
            assertTrue(fake.awaitFirstRequest(30), "the scan reached the provider");

            // the API answers while the scan waits for the provider
            int probesDuringScan = 0;
            do {
                HttpResponse<String> health = TestDesk.send(
                        HttpRequest.newBuilder(URI.create(desk.url() + "/api/health")), PROBE_BOUND);
                assertEquals(200, health.statusCode(), health.body());
                assertEquals(200, TestDesk.send(HttpRequest.newBuilder(URI.create(desk.url() + "/api/proposals")),
                        PROBE_BOUND).statusCode());
                if (!scanning.isDone()) {
                    probesDuringScan++;
                }
                Thread.sleep(100);
            } while (!scanning.isDone());
            assertTrue(probesDuringScan > 0, "health and proposals answered while the scan was running");

            HttpResponse<String> answered = scanning.get(60, TimeUnit.SECONDS);
            assertEquals(200, answered.statusCode(), answered.body());
            JsonNode scan = ProviderJson.read(answered.body());
            List<JsonNode> timedOut = TestDesk.decisions(scan, "ai_timeout");
            assertFalse(timedOut.isEmpty(), TestDesk.outcomes(scan).toString());
            assertTrue(TestDesk.decisions(scan, "proposed").isEmpty(), TestDesk.outcomes(scan).toString());
            assertTrue(desk.pendingProposals().isEmpty(), "a late answer never becomes a proposal");
            assertEquals(timedOut.size(), fake.generateRequests().size(), "one call per candidate");

            List<JsonNode> audit = desk.audit();
            assertEquals(timedOut.size(), audit.size(), "every timed-out attempt is in the audit");
            for (JsonNode x : audit) {
                assertEquals(api.provider(), x.path("provider").asText());
                assertEquals(0, x.path("status").asInt(), "no answer within the timeout");
                assertTrue(x.path("latency_ms").asDouble() >= 900,
                        "it waited about the timeout: " + x.path("latency_ms"));
            }
            JsonNode ai = desk.get("/api/health").path("services").path("ai");
            assertFalse(ai.path("connected").asBoolean(), ai.toString());
            assertTrue(ai.path("message").asText().startsWith("ai_timeout"), ai.toString());
        }
    }

    private static List<JsonNode> awaitDecisions(TestDesk desk, String outcome) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            List<JsonNode> found = new ArrayList<>();
            allDecisions(desk).forEach(d -> {
                if (d.path("outcome").asText().equals(outcome)) {
                    found.add(d);
                }
            });
            if (!found.isEmpty()) {
                return found;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + outcome + " decision within 30 s");
    }

    private static JsonNode allDecisions(TestDesk desk) throws Exception {
        return desk.get("/api/decisions?date=2026-11-27").path("decisions");
    }

    private static int count(JsonNode decisions, String outcome) {
        int n = 0;
        for (JsonNode d : decisions) {
            n += d.path("outcome").asText().equals(outcome) ? 1 : 0;
        }
        return n;
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
