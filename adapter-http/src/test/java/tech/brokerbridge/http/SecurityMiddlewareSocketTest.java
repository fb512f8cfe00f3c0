package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.ports.journal.JournalException;

/** Every middleware behaviour, through a real socket on an ephemeral port. */
class SecurityMiddlewareSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestServer s = TestServer.start();

    @AfterEach
    void stop() {
        s.close();
    }

    static void assertSecurityHeaders(RawHttp.Response r, boolean api) {
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertTrue(r.header("Content-Security-Policy").contains("default-src 'self'; frame-ancestors 'none'"));
        assertEquals("no-referrer", r.header("Referrer-Policy"));
        assertTrue(r.header("Permissions-Policy").contains("camera=()"));
        assertTrue(r.header("Permissions-Policy").contains("payment=()"));
        assertEquals("max-age=31536000; includeSubDomains", r.header("Strict-Transport-Security"));
        if (api) {
            assertEquals("no-store", r.header("Cache-Control"));
        }
        assertTrue(r.header("X-Request-Id").matches("req-[0-9a-f]{16}"), r.header("X-Request-Id"));
    }

    static JsonNode error(RawHttp.Response r, int status, String code) throws Exception {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/json"));
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertNotNull(e, r.body());
        assertEquals(code, e.get("code").asText(), r.body());
        assertFalse(e.get("message").asText().isBlank());
        assertEquals(r.header("X-Request-Id"), e.get("request_id").asText());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        assertSecurityHeaders(r, true);
        return e;
    }

    private RawHttp.Response raw(String request) throws Exception {
        return RawHttp.exchange(s.port(), request);
    }

    @Test
    void healthThroughTheJdkClient() throws Exception {
        HttpResponse<String> r = s.get("/api/health");
        assertEquals(200, r.statusCode());
        JsonNode h = JSON.readTree(r.body());
        assertEquals("ok", h.get("status").asText());
        assertEquals("healthy", h.get("services").get("api").asText());
        assertEquals("no-store", r.headers().firstValue("Cache-Control").orElse(""));
        assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""));
    }

    @Test
    void everyAnswerHasItsOwnRequestId() throws Exception {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            ids.add(s.get("/api/health").headers().firstValue("X-Request-Id").orElseThrow());
        }
        assertEquals(20, ids.size());
    }

    @Test
    void headersOn200And404And405() throws Exception {
        assertSecurityHeaders(raw(RawHttp.get("/api/health", "localhost:" + s.port())), true);
        error(raw(RawHttp.get("/api/nothing-here", "localhost")), 404, "not_found");
        RawHttp.Response notApi = raw(RawHttp.get("/robots.txt", "localhost"));
        assertEquals(404, notApi.status());
        assertSecurityHeaders(notApi, false);
        RawHttp.Response wrongMethod = raw(RawHttp.get("/api/scan", "localhost"));
        error(wrongMethod, 405, "method_not_allowed");
        assertEquals("POST", wrongMethod.header("Allow"));
        RawHttp.Response put = raw(RawHttp.request("PUT", "/api/kill-switch", "localhost", null, null));
        error(put, 405, "method_not_allowed");
        assertEquals("DELETE, POST", put.header("Allow"));
    }

    @Test
    void foreignHostIs403AndAllowedHostsPass() throws Exception {
        error(raw(RawHttp.get("/api/health", "evil.example")), 403, "forbidden_host");
        error(raw(RawHttp.get("/api/health", "attacker.example:" + s.port())), 403, "forbidden_host");
        for (String host : new String[] {"localhost", "127.0.0.1:" + s.port(), "[::1]:1234", "desk.example:80"}) {
            assertEquals(200, raw(RawHttp.get("/api/health", host)).status(), host);
        }
        error(raw(RawHttp.get("/api/health", null)), 400, "bad_request");
    }

    @Test
    void crossSiteOriginOnPostIs403AndSameOriginPasses() throws Exception {
        String host = "127.0.0.1:" + s.port();
        error(raw(RawHttp.request("POST", "/api/trading/stop", host, null, null, "Origin: http://evil.example")),
                403, "forbidden_origin");
        error(raw(RawHttp.request("DELETE", "/api/kill-switch", host, null, null, "Origin: http://localhost:1")),
                403, "forbidden_origin");
        assertFalse(s.desk.calls.contains("stopTrading"), "a refused request never reaches the desk");
        for (String origin : new String[] {"http://localhost:" + s.port(), "http://127.0.0.1:" + s.port(),
            "http://[::1]:" + s.port()}) {
            assertEquals(200, raw(RawHttp.request("POST", "/api/trading/stop", host, null, null, "Origin: " + origin))
                    .status(), origin);
        }
        assertEquals(200, raw(RawHttp.get("/api/health", host, "Origin: http://evil.example")).status());
    }

    @Test
    void bodyOver1MiBIs413WithHeaders() throws Exception {
        String big = "{\"reason\":\"" + "x".repeat(HttpServerConfig.DEFAULT_MAX_BODY_BYTES) + "\"}";
        try (RawHttp c = RawHttp.connect(s.port())) {
            c.send(RawHttp.request("POST", "/api/proposals/prp-0123456789ab/reject", "localhost", "application/json",
                    big));
            error(c.read(), 413, "payload_too_large");
            // the body was read and dropped: the same connection still serves
            c.send(RawHttp.get("/api/health", "localhost"));
            assertEquals(200, c.read().status());
        }
        assertFalse(s.desk.calls.stream().anyMatch(x -> x.startsWith("reject")));
    }

    @Test
    void expectContinueWithinTheLimitIsServed() throws Exception {
        try (RawHttp c = RawHttp.connect(s.port())) {
            String body = "{\"reason\":\"" + "y".repeat(1500) + "\"}";
            c.send("POST /api/proposals/prp-0123456789ab/reject HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + body.length()
                    + "\r\n\r\n");
            assertEquals(100, c.read().status());
            c.send(body);
            RawHttp.Response r = c.read();
            assertEquals(200, r.status(), r.body());
            assertSecurityHeaders(r, true);
        }
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        error(raw(RawHttp.request("POST", "/api/proposals/prp-0123456789ab/reject", "localhost", "text/plain",
                "{\"reason\":\"x\"}")), 415, "unsupported_media_type");
        error(raw(RawHttp.request("POST", "/api/proposals/prp-0123456789ab/reject", "localhost",
                "application/x-www-form-urlencoded", "reason=x")), 415, "unsupported_media_type");
    }

    @Test
    void malformedJsonUnknownFieldsAndWrongTypesAre400NamingTheField() throws Exception {
        String path = "/api/proposals/prp-0123456789ab/approve";
        error(raw(RawHttp.request("POST", path, "localhost", "application/json", "{\"quantity\":")), 400,
                "bad_request");
        JsonNode unknown = error(raw(RawHttp.request("POST", path, "localhost", "application/json",
                "{\"quantity\":1,\"force\":true}")), 400, "bad_request");
        assertEquals("force", unknown.get("field").asText());
        JsonNode type = error(raw(RawHttp.request("POST", path, "localhost", "application/json",
                "{\"stop_price\":\"low\"}")), 400, "bad_request");
        assertEquals("stop_price", type.get("field").asText());
        JsonNode value = error(raw(RawHttp.request("POST", path, "localhost", "application/json",
                "{\"quantity\":-3}")), 422, "invalid_value");
        assertEquals("quantity", value.get("field").asText());
        JsonNode param = error(raw(RawHttp.get("/api/orders?limit=many", "localhost")), 400, "bad_request");
        assertEquals("limit", param.get("field").asText());
    }

    @Test
    void anUnparsableRequestIs400AndClosesTheConnection() throws Exception {
        try (RawHttp c = RawHttp.connect(s.port())) {
            c.send("GARBAGE\r\n\r\n");
            RawHttp.Response r = c.read();
            assertEquals(400, r.status());
            assertTrue(r.body().contains("\"bad_request\""), r.body());
            assertSecurityHeaders(r, false);
            assertTrue(c.closedByServer());
        }
    }

    @Test
    void unexpectedFailureIs500AndPortFailureIs503WithoutInternals() throws Exception {
        s.desk.failure = new IllegalStateException("NPE deep inside com.secret.Thing");
        RawHttp.Response r = raw(RawHttp.get("/api/portfolio", "localhost"));
        error(r, 500, "internal_error");
        assertFalse(r.body().contains("secret"));
        s.desk.failure = new JournalException("database is locked", true, null);
        RawHttp.Response busy = raw(RawHttp.get("/api/orders", "localhost"));
        error(busy, 503, "unavailable");
        assertEquals("1", busy.header("Retry-After"));
    }

    @Test
    void keepAliveAndPipeliningKeepTheOrderOfAnswers() throws Exception {
        s.desk.holdScan = new java.util.concurrent.CountDownLatch(1);
        try (RawHttp c = RawHttp.connect(s.port())) {
            // the scan runs off the event loop and is held; health behind it must not overtake it
            c.send(RawHttp.request("POST", "/api/scan", "localhost", null, null)
                    + RawHttp.get("/api/health", "localhost"));
            assertTrue(s.desk.scanEntered.await(10, java.util.concurrent.TimeUnit.SECONDS));
            s.desk.holdScan.countDown();
            RawHttp.Response first = c.read();
            RawHttp.Response second = c.read();
            assertTrue(first.body().contains("scan_id"), first.body());
            assertTrue(second.body().contains("services"), second.body());
            assertNotEquals(first.header("X-Request-Id"), second.header("X-Request-Id"));
        }
    }

    @Test
    void answersAreUtf8Json() throws Exception {
        RawHttp.Response r = raw(RawHttp.get("/api/license", "localhost"));
        assertEquals(200, r.status());
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(r.body().getBytes(StandardCharsets.UTF_8).length, Integer.parseInt(r.header("Content-Length")));
    }
}
