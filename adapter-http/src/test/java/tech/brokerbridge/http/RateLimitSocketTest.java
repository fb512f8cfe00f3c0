package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.ports.tck.AtOnce;

/** The rate limiter through real sockets, with the server's clock under the test's control. */
class RateLimitSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static HttpServerConfig limit(HttpServerConfig c, int n) {
        return new HttpServerConfig(c.port(), n, Duration.ofSeconds(60), c.allowedHosts(), c.adminToken(),
                c.maxBodyBytes(), c.idleTimeout(), c.blockingThreads(), c.version());
    }

    @Test
    void exactlyTheLimitGetsThroughUnderEightConcurrentClients() throws Exception {
        try (TestServer s = TestServer.start(c -> limit(c, 50))) {
            List<int[]> results = AtOnce.run(8, Duration.ofSeconds(60), () -> {
                int[] counts = new int[3];
                for (int i = 0; i < 25; i++) {
                    HttpResponse<String> r = s.get("/api/health");
                    if (r.statusCode() == 200) {
                        counts[0]++;
                    } else if (r.statusCode() == 429) {
                        counts[1]++;
                        long retry = Long.parseLong(r.headers().firstValue("Retry-After").orElse("0"));
                        if (retry >= 1 && retry <= 60 && r.body().contains("\"rate_limited\"")
                                && r.headers().firstValue("X-Frame-Options").isPresent()) {
                            counts[2]++;
                        }
                    }
                }
                return counts;
            });
            int ok = 0;
            int limited = 0;
            int wellFormed = 0;
            for (int[] c : results) {
                ok += c[0];
                limited += c[1];
                wellFormed += c[2];
            }
            assertEquals(50, ok);
            assertEquals(150, limited);
            assertEquals(150, wellFormed);
        }
    }

    @Test
    void retryAfterCountsDownToTheFirstFreeSlot() throws Exception {
        try (TestServer s = TestServer.start(c -> limit(c, 3))) {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, s.get("/api/health").statusCode());
                s.clock.advance(Duration.ofSeconds(10));
            }
            // admissions at t, t+10, t+20; now t+30: the first leaves the window at t+60
            HttpResponse<String> r = s.get("/api/health");
            assertEquals(429, r.statusCode());
            assertEquals("30", r.headers().firstValue("Retry-After").orElseThrow());
            s.clock.advance(Duration.ofMillis(29_500));
            assertEquals("1", s.get("/api/health").headers().firstValue("Retry-After").orElseThrow());
            s.clock.advance(Duration.ofMillis(500));
            assertEquals(200, s.get("/api/health").statusCode());
            assertEquals(429, s.get("/api/health").statusCode());
        }
    }

    private static JsonNode rateLimiter(TestServer s) throws Exception {
        RawHttp.Response diag = RawHttp.exchange(s.port(), RawHttp.get("/api/admin/diagnostics", "localhost",
                "Authorization: Bearer " + TestServer.ADMIN_TOKEN));
        assertEquals(200, diag.status(), diag.body());
        return JSON.readTree(diag.body()).get("rate_limiter");
    }

    private static int health(TestServer s, String from) throws Exception {
        try (RawHttp c = RawHttp.connect("127.0.0.1", s.port(), from)) {
            c.send(RawHttp.get("/api/health", "localhost"));
            return c.read().status();
        }
    }

    @Test
    void everyLoopbackAddressSharesOneBudgetAndIdleClientsAreForgotten() throws Exception {
        try (TestServer s = TestServer.start(c -> limit(c, 3))) {
            assertEquals(200, health(s, "127.0.0.2"));
            assertEquals(200, health(s, "127.0.0.3"));
            assertEquals(200, health(s, "127.255.255.254"));
            // the budget is spent, whichever loopback address asks next (::1 too when the machine has it)
            assertEquals(429, health(s, "127.0.0.1"));
            assertEquals(429, health(s, "127.0.0.4"));
            if (java.net.NetworkInterface.networkInterfaces().anyMatch(LOOPBACK_V6)) {
                try (RawHttp c = RawHttp.connect("::1", s.port(), "::1")) {
                    c.send(RawHttp.get("/api/health", "localhost"));
                    assertEquals(429, c.read().status());
                }
            }
            s.clock.advance(Duration.ofSeconds(61));
            JsonNode rl = rateLimiter(s);   // the diagnostics request is the first after the window
            assertEquals(1, rl.get("tracked_clients").asInt(), "all loopback peers are one client: " + rl);
            assertEquals(4, rl.get("allowed").asInt());
        }
    }

    /** The attack of issue 14.3: a budget per address made 100/min into 24,800 answers of 200 in 2.2 s. */
    @Test
    void manyLoopbackAddressesGetNoMoreThanOneBudgetInAll() throws Exception {
        try (TestServer s = TestServer.start(c -> limit(c, 20))) {
            int ok = 0;
            for (int i = 0; i < 120; i++) {
                String from = "127.0." + (1 + i / 200) + "." + (2 + i % 200);
                if (health(s, from) == 200) {
                    ok++;
                }
            }
            assertEquals(20, ok, "one budget for every loopback address together");
        }
    }

    /** Filling the client table from many addresses neither grows it nor locks health out. */
    @Test
    void aTableFillAttackFromLoopbackAddressesLeavesHealthAnswering() throws Exception {
        try (TestServer s = TestServer.start(c -> limit(c, 1_000))) {
            for (int i = 0; i < 400; i++) {
                health(s, "127.1." + (i / 250) + "." + (1 + i % 250));
            }
            assertEquals(200, health(s, "127.0.0.1"));
            assertEquals(200, RawHttp.exchange(s.port(), RawHttp.get("/api/health", "localhost")).status());
            assertEquals(1, rateLimiter(s).get("tracked_clients").asInt());
        }
    }

    private static final java.util.function.Predicate<java.net.NetworkInterface> LOOPBACK_V6 = ni -> {
        try {
            return ni.isLoopback() && ni.isUp() && ni.inetAddresses().anyMatch(a -> a instanceof java.net.Inet6Address);
        } catch (java.net.SocketException e) {
            return false;
        }
    };

    @Test
    void refusalsCarryTheSecurityHeadersAndARequestId() throws Exception {
        try (TestServer s = TestServer.start(c -> limit(c, 1))) {
            assertEquals(200, RawHttp.exchange(s.port(), RawHttp.get("/api/health", "localhost")).status());
            RawHttp.Response r = RawHttp.exchange(s.port(), RawHttp.get("/api/health", "localhost"));
            SecurityMiddlewareSocketTest.error(r, 429, "rate_limited");
            assertTrue(Long.parseLong(r.header("Retry-After")) >= 1);
        }
    }
}
