package tech.brokerbridge.http.internal.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.limit.SlidingLogRateLimiter;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.internal.web.RouteHandler;
import tech.brokerbridge.http.internal.web.Router;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.license.LicenseStatus;

/** The rate limiter, admin auth and license gate, each alone in a gate chain on an embedded channel. */
class GatesTest {
    private static final String TOKEN = "tok-0123456789";

    /** Routes with the attributes the real table gives these paths, and plain routes beside them. */
    static RouteLookup routes() {
        RouteHandler h = r -> ApiResponse.ok(Map.of());
        Router.Builder b = Router.builder();
        b.route("GET", "/api/health").licenseExempt().to(h);
        b.route("GET", "/api/license").licenseExempt().to(h);
        b.route("GET", "/api/license/activate").licenseExempt().to(h);
        b.route("GET", "/api/setup/status").licenseExempt().to(h);
        b.route("GET", "/api/admin/diagnostics").adminOnly().licenseExempt().to(h);
        for (String plain : new String[] {"/api/administrator", "/api/proposals", "/api/healthz", "/api/licenses",
            "/api/setup", "/api/scan"}) {
            b.route("GET", plain).to(h);
        }
        return new RouteLookup(b.build());
    }

    private static FullHttpResponse through(RequestGate gate, FullHttpRequest request,
            boolean expectPass) throws Exception {
        TestChannels.Sink sink = new TestChannels.Sink();
        TestChannels.PeerChannel ch = TestChannels.chain(sink, new GateChain(java.util.List.of(gate)));
        ch.writeInbound(request);
        if (expectPass) {
            assertEquals(1, sink.passed.size(), request.uri());
            sink.passed.get(0).release();
            assertNull(ch.readOutbound());
            return null;
        }
        assertTrue(sink.passed.isEmpty(), request.uri());
        return ch.readOutbound();
    }

    @Test
    void rateLimiterRefusesWithRetryAfterInWholeSecondsRoundedUp() throws Exception {
        AtomicLong now = new AtomicLong(0);
        SlidingLogRateLimiter limiter = new SlidingLogRateLimiter(2, Duration.ofSeconds(10), now::get, 10);
        RateLimitGate h = new RateLimitGate(limiter);
        through(h, TestChannels.get("/api/health"), true);
        through(h, TestChannels.get("/api/health"), true);
        now.set(2_500_000_000L);
        FullHttpResponse r = through(h, TestChannels.get("/api/health"), false);
        assertEquals(429, r.status().code());
        assertEquals("8", r.headers().get("Retry-After"));
        assertEquals("rate_limited", TestChannels.json(r).get("error").get("code").asText());
        assertEquals("nosniff", r.headers().get("X-Content-Type-Options"));
        now.set(9_999_999_999L);
        assertEquals("1", through(h, TestChannels.get("/api/health"), false).headers().get("Retry-After"));
        now.set(10_000_000_000L);
        through(h, TestChannels.get("/api/health"), true);
    }

    @Test
    void retryAfterIsAtLeastOneSecond() {
        assertEquals(1, RateLimitGate.retryAfterSeconds(1));
        assertEquals(1, RateLimitGate.retryAfterSeconds(1_000_000_000L));
        assertEquals(2, RateLimitGate.retryAfterSeconds(1_000_000_001L));
    }

    @Test
    void adminNeedsTheBearerToken() throws Exception {
        AdminAuthGate h = new AdminAuthGate(Optional.of(Secret.of(TOKEN)), routes());
        FullHttpResponse missing = through(h, TestChannels.get("/api/admin/diagnostics"), false);
        assertEquals(401, missing.status().code());
        assertEquals("Bearer", missing.headers().get("WWW-Authenticate"));
        for (String auth : new String[] {"Bearer wrong", "Bearer " + TOKEN + "x", "Basic " + TOKEN, TOKEN, "Bearer "}) {
            FullHttpResponse r = through(h, TestChannels.request(HttpMethod.GET, "/api/admin/diagnostics",
                    "localhost", "Authorization", auth), false);
            assertEquals(401, r.status().code(), auth);
            assertTrue(!TestChannels.json(r).toString().contains(TOKEN));
        }
        through(h, TestChannels.request(HttpMethod.GET, "/api/admin/diagnostics", "localhost", "Authorization",
                "Bearer " + TOKEN), true);
        through(h, TestChannels.request(HttpMethod.GET, "/api/admin/diagnostics", "localhost", "Authorization",
                "bearer " + TOKEN), true);
        through(h, TestChannels.get("/api/health"), true);
        through(h, TestChannels.get("/api/administrator"), true);
    }

    @Test
    void adminWithoutATokenIsDisabledNeverOpen() throws Exception {
        for (Optional<Secret> token : java.util.List.of(Optional.<Secret>empty(), Optional.of(Secret.of("")))) {
            AdminAuthGate h = new AdminAuthGate(token, routes());
            FullHttpResponse r = through(h, TestChannels.request(HttpMethod.GET, "/api/admin/diagnostics",
                    "localhost", "Authorization", "Bearer "), false);
            assertEquals(403, r.status().code());
            JsonNode e = TestChannels.json(r).get("error");
            assertEquals("admin_disabled", e.get("code").asText());
            assertTrue(e.get("message").asText().contains("admin API disabled"));
        }
    }

    @Test
    void licenseGateRefusesTheApiButNotTheExemptRoutes() throws Exception {
        StubDesk desk = new StubDesk();
        LicenseGate h = new LicenseGate(desk, routes());
        through(h, TestChannels.get("/api/proposals"), true);
        desk.license = StubDesk.license(LicenseStatus.INVALID, "the subscription was canceled");
        FullHttpResponse r = through(h, TestChannels.get("/api/proposals"), false);
        assertEquals(403, r.status().code());
        JsonNode e = TestChannels.json(r).get("error");
        assertEquals("license_invalid", e.get("code").asText());
        assertEquals("the subscription was canceled", e.get("reason").asText());
        assertTrue(e.get("message").asText().contains("GET /api/license"));
        for (String exempt : new String[] {"/api/health", "/api/license", "/api/license/activate", "/api/setup/status",
            "/api/admin/diagnostics", "/index.html"}) {
            through(h, TestChannels.get(exempt), true);
        }
        for (String gated : new String[] {"/api/healthz", "/api/licenses", "/api/setup", "/api/scan"}) {
            assertEquals(403, through(h, TestChannels.get(gated), false).status().code(), gated);
        }
    }
}
