package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseStatus;

class AdminAndLicenseSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DIAG = "/api/admin/diagnostics";

    private static HttpServerConfig token(HttpServerConfig c, Optional<Secret> t) {
        return new HttpServerConfig(c.port(), c.rateLimitRequests(), c.rateLimitWindow(), c.allowedHosts(), t,
                c.maxBodyBytes(), c.idleTimeout(), c.blockingThreads(), c.version());
    }

    @Test
    void adminNeedsTheTokenAndNeverShowsIt() throws Exception {
        Map<String, Object> effective = new LinkedHashMap<>();
        effective.put("port", 8080);
        effective.put("admin_token", TestServer.ADMIN_TOKEN);           // a launcher that forgot to mask
        effective.put("ai", Map.of("claude_api_key", "sk-ant-xyz", "provider", "rules"));
        effective.put("comment", "token is " + TestServer.ADMIN_TOKEN);
        effective.put("rate_limit", "100/60s");
        try (TestServer s = TestServer.start(TestServer.config(), effective)) {
            RawHttp.Response none = RawHttp.exchange(s.port(), RawHttp.get(DIAG, "localhost"));
            SecurityMiddlewareSocketTest.error(none, 401, "unauthorized");
            assertEquals("Bearer", none.header("WWW-Authenticate"));
            RawHttp.Response wrong = RawHttp.exchange(s.port(), RawHttp.get(DIAG, "localhost",
                    "Authorization: Bearer " + TestServer.ADMIN_TOKEN.substring(1)));
            SecurityMiddlewareSocketTest.error(wrong, 401, "unauthorized");

            s.clock.advance(java.time.Duration.ofSeconds(90));
            RawHttp.Response ok = RawHttp.exchange(s.port(), RawHttp.get(DIAG, "localhost",
                    "Authorization: Bearer " + TestServer.ADMIN_TOKEN));
            assertEquals(200, ok.status(), ok.body());
            SecurityMiddlewareSocketTest.assertSecurityHeaders(ok, true);
            JsonNode d = JSON.readTree(ok.body());
            assertEquals("1.2.3-test", d.get("version").asText());
            assertEquals(90, d.get("uptime_seconds").asLong());
            assertFalse(d.get("jvm").get("version").asText().isEmpty());
            assertTrue(d.get("jvm").get("heap_max_bytes").asLong() > 0);
            assertEquals("100/60s", d.get("configuration").get("rate_limit").asText());
            assertEquals(8080, d.get("configuration").get("port").asInt());
            assertEquals("rules", d.get("configuration").get("ai").get("provider").asText());
            assertTrue(d.get("rate_limiter").get("allowed").asLong() >= 1);
            assertFalse(ok.body().contains(TestServer.ADMIN_TOKEN), ok.body());
            assertFalse(ok.body().contains("sk-ant-xyz"), ok.body());
        }
    }

    @Test
    void adminIsDisabledWithoutAToken() throws Exception {
        for (Optional<Secret> t : java.util.List.of(Optional.<Secret>empty(), Optional.of(Secret.of("")))) {
            try (TestServer s = TestServer.start(c -> token(c, t))) {
                RawHttp.Response r = RawHttp.exchange(s.port(), RawHttp.get(DIAG, "localhost",
                        "Authorization: Bearer anything"));
                JsonNode e = SecurityMiddlewareSocketTest.error(r, 403, "admin_disabled");
                assertTrue(e.get("message").asText().contains("admin API disabled"));
            }
        }
    }

    @Test
    void anInvalidLicenseClosesTheApiButNotTheExemptRoutes() throws Exception {
        try (TestServer s = TestServer.start()) {
            assertEquals(200, s.get("/api/proposals").statusCode());
            s.desk.license = tech.brokerbridge.http.testing.StubDesk.license(LicenseStatus.INVALID,
                    "the trial ended on 2026-03-01");
            for (String gated : new String[] {"/api/proposals", "/api/portfolio", "/api/journal/approvals.csv"}) {
                RawHttp.Response r = RawHttp.exchange(s.port(), RawHttp.get(gated, "localhost"));
                JsonNode e = SecurityMiddlewareSocketTest.error(r, 403, "license_invalid");
                assertEquals("the trial ended on 2026-03-01", e.get("reason").asText());
            }
            RawHttp.Response post = RawHttp.exchange(s.port(), RawHttp.request("POST", "/api/scan", "localhost",
                    null, null));
            SecurityMiddlewareSocketTest.error(post, 403, "license_invalid");
            assertFalse(s.desk.calls.contains("scanNow"));

            assertEquals(200, s.get("/api/health").statusCode());
            assertEquals("invalid", JSON.readTree(s.get("/api/license").body()).get("status").asText());
            assertEquals(200, s.get(DIAG, "Authorization", "Bearer " + TestServer.ADMIN_TOKEN).statusCode());
            // exempt but not served yet: 404, not 403
            assertEquals(404, s.get("/api/setup/status").statusCode());
            assertEquals(404, s.get("/api/license/activate").statusCode());
        }
    }
}
