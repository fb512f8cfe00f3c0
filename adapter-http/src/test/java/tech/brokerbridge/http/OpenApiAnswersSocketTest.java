package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.MutableClock;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.StubSetupDesk;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.desk.ActivationResult;
import tech.brokerbridge.ports.license.LicenseStatus;

/**
 * Real answers of every JSON route, from a real server, validated against {@code /openapi.json}'s schema
 * for their route and status with the networknt json-schema-validator (JSON Schema 2020-12, as OpenAPI 3.1
 * uses it).
 */
class OpenApiAnswersSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final StubDesk desk = new StubDesk();
    private final LicenseRoutesSocketTest.ScriptedLicense license = new LicenseRoutesSocketTest.ScriptedLicense();
    private final LocalHttpServer server = HttpServerFactory.create(withAdmin(TestServer.config()), desk,
            new StubSetupDesk(), license, MutableClock.at("2026-03-02T15:00:00Z"), () -> Map.of("port", 0));
    private final HttpClient http = HttpClient.newHttpClient();
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private JsonNode doc;

    OpenApiAnswersSocketTest() {
        server.start();
        license.answer = keys -> new ActivationResult.Activated(StubDesk.license(LicenseStatus.LICENSED, "licensed"));
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(2));
    }

    private static HttpServerConfig withAdmin(HttpServerConfig c) {
        return new HttpServerConfig(c.port(), c.rateLimitRequests(), c.rateLimitWindow(), c.allowedHosts(),
                Optional.of(Secret.of(TestServer.ADMIN_TOKEN)), c.maxBodyBytes(), c.idleTimeout(), c.blockingThreads(),
                c.version());
    }

    /** One call: method, concrete path, the documented path, body (or null), the status expected. */
    record Call(String method, String path, String template, String body, int status) {
    }

    private HttpResponse<String> send(Call c) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + c.path()))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + TestServer.ADMIN_TOKEN);
        if (c.body() != null) {
            b.header("Content-Type", "application/json").method(c.method(), HttpRequest.BodyPublishers.ofString(c.body()));
        } else {
            b.method(c.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<Error> validate(Call c, String body) throws Exception {
        JsonNode op = doc.get("paths").get(c.template()).get(c.method().toLowerCase(Locale.ROOT));
        JsonNode schema = op.get("responses").get(Integer.toString(c.status())).get("content").get("application/json")
                .get("schema");
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("components", doc.get("components"));
        root.setAll((ObjectNode) schema);
        Schema s = registry.getSchema(root);
        return s.validate(JSON.readTree(body));
    }

    @Test
    void everyJsonAnswerMatchesItsSchema() throws Exception {
        doc = JSON.readTree(send(new Call("GET", "/openapi.json", "/openapi.json", null, 200)).body());
        String id = StubDesk.ID;
        List<Call> calls = List.of(
                new Call("GET", "/api/health", "/api/health", null, 200),
                new Call("GET", "/api/license", "/api/license", null, 200),
                new Call("POST", "/api/scan", "/api/scan", null, 200),
                new Call("GET", "/api/proposals?status=pending", "/api/proposals", null, 200),
                new Call("GET", "/api/proposals/" + id, "/api/proposals/{id}", null, 200),
                new Call("GET", "/api/proposals/" + id + "/bars", "/api/proposals/{id}/bars", null, 200),
                new Call("POST", "/api/proposals/" + id + "/approve", "/api/proposals/{id}/approve",
                        "{\"stop_price\":97.5}", 200),
                new Call("POST", "/api/proposals/" + id + "/reject", "/api/proposals/{id}/reject", "{\"reason\":\"no\"}", 200),
                new Call("GET", "/api/portfolio", "/api/portfolio", null, 200),
                new Call("GET", "/api/orders", "/api/orders", null, 200),
                new Call("GET", "/api/decisions", "/api/decisions", null, 200),
                new Call("GET", "/api/ai/audit", "/api/ai/audit", null, 200),
                new Call("POST", "/api/trading/start", "/api/trading/start", null, 200),
                new Call("POST", "/api/trading/stop", "/api/trading/stop", null, 200),
                new Call("POST", "/api/kill-switch", "/api/kill-switch", "{\"reason\":\"test\"}", 200),
                new Call("DELETE", "/api/kill-switch", "/api/kill-switch", null, 200),
                new Call("GET", "/api/admin/diagnostics", "/api/admin/diagnostics", null, 200),
                new Call("GET", "/api/setup/status", "/api/setup/status", null, 200),
                new Call("GET", "/api/setup/config", "/api/setup/config", null, 200),
                new Call("POST", "/api/setup/config", "/api/setup/config", "{\"scan_interval_minutes\":5}", 200),
                new Call("POST", "/api/credentials/test", "/api/credentials/test",
                        "{\"provider\":\"claude\",\"auth_type\":\"api_key\",\"credential\":\"sk-x\"}", 200),
                new Call("POST", "/api/credentials/save", "/api/credentials/save",
                        "{\"provider\":\"claude\",\"auth_type\":\"api_key\",\"credential\":\"sk-x\"}", 200),
                new Call("GET", "/api/credentials/status", "/api/credentials/status", null, 200),
                new Call("DELETE", "/api/credentials/openai", "/api/credentials/{provider}", null, 200),
                new Call("POST", "/api/license/activate", "/api/license/activate",
                        "{\"license_key\":\"sub_1\",\"stripe_key\":\"rk_test_1\"}", 200),
                new Call("POST", "/api/admin/license/refresh", "/api/admin/license/refresh", null, 200),
                new Call("GET", "/api/positions", "/api/positions", null, 200),
                new Call("POST", "/api/positions/AAPL/close", "/api/positions/{symbol}/close", "{\"quantity\":5}", 200),
                new Call("POST", "/api/positions/AAPL/rearm-stop", "/api/positions/{symbol}/rearm-stop", null, 200),
                new Call("POST", "/api/orders/" + id + "/cancel", "/api/orders/{id}/cancel", "{\"reason\":\"news\"}", 200),
                new Call("POST", "/api/orders/" + id + "/modify", "/api/orders/{id}/modify",
                        "{\"trailing_amount\":1.5}", 200),
                new Call("GET", "/api/trades?from=2026-03-01&to=2026-03-02", "/api/trades", null, 200),
                new Call("GET", "/api/trades/summary", "/api/trades/summary", null, 200),
                new Call("POST", "/api/orders/" + id + "/modify", "/api/orders/{id}/modify", "{\"trailing_percent\":0}",
                        422),
                new Call("GET", "/api/proposals/prp-000000000000", "/api/proposals/{id}", null, 404),
                new Call("POST", "/api/proposals/" + id + "/approve", "/api/proposals/{id}/approve",
                        "{\"quantity\":0}", 422),
                new Call("GET", "/api/orders?limit=x", "/api/orders", null, 400));
        List<String> failures = new ArrayList<>();
        TreeSet<String> covered = new TreeSet<>();
        for (Call c : calls) {
            HttpResponse<String> r = send(c);
            if (r.statusCode() != c.status()) {
                failures.add(c.method() + " " + c.path() + ": status " + r.statusCode() + " " + r.body());
                continue;
            }
            List<Error> errors = validate(c, r.body());
            if (!errors.isEmpty()) {
                failures.add(c.method() + " " + c.path() + " " + c.status() + ": " + errors + "\n  " + r.body());
            }
            covered.add(c.method() + " " + c.template());
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
        assertTrue(covered.size() >= 26, "routes covered: " + covered);
    }

    @Test
    void aWrongAnswerIsCaughtByTheValidator() throws Exception {
        doc = JSON.readTree(send(new Call("GET", "/openapi.json", "/openapi.json", null, 200)).body());
        Call health = new Call("GET", "/api/health", "/api/health", null, 200);
        String body = send(health).body();
        assertTrue(validate(health, body).isEmpty());
        assertFalse(validate(health, body.replace("\"scan_in_progress\":false", "\"scan_in_progress\":\"no\"")).isEmpty());
        assertFalse(validate(health, body.replace("{\"status\":\"ok\",", "{\"status\":\"ok\",\"surprise\":1,")).isEmpty(),
                "an undocumented member is caught");
    }
}
