package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.Diagnostics;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.TestServer;

/**
 * Issue 14.1, through real sockets: requests whose headers arrive but whose body never does. Each must end
 * with 408 within the body deadline, the server must never hold more connections than its caps (the
 * excess is closed at once), and health keeps answering while the attack goes on.
 */
class StalledBodyAttackSocketTest {
    private static final byte[] STALLED = ("POST /api/proposals/prp-0123456789ab/reject HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII);

    private static Socket stalled(String from, int port) throws IOException {
        Socket s = new Socket();
        s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        s.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 5_000);
        s.getOutputStream().write(STALLED);
        s.getOutputStream().flush();
        return s;
    }

    /** Reads what the server sends until it closes; null when it did not close within {@code timeout}. */
    private static String untilClosed(Socket s, Duration timeout) throws IOException {
        s.setSoTimeout((int) timeout.toMillis());
        InputStream in = s.getInputStream();
        StringBuilder sb = new StringBuilder();
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                sb.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
            }
        } catch (SocketTimeoutException e) {
            return null;
        } catch (IOException reset) {
            // closed with unread input: a reset is a close too
        }
        return sb.toString();
    }

    private static JsonNode connections(TestServer s) throws Exception {
        return Diagnostics.section(s, "connections");
    }

    @Test
    void aStalledBodyIsAnswered408WithinTheDeadlineAndClosed() throws Exception {
        try (TestServer s = TestServer.start(c -> c.withConnectionLimits(64, 16, Duration.ofMillis(800)));
                Socket attacker = stalled("127.0.0.1", s.port())) {
            long t0 = System.nanoTime();
            String answer = untilClosed(attacker, Duration.ofSeconds(10));
            assertTrue(answer != null, "the server closed the stalled request");
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
            assertTrue(took < 5_000, "closed after " + took + " ms");
            assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
            assertTrue(answer.contains("\"request_timeout\"") && answer.contains("\"request_id\":\"req-"), answer);
            assertTrue(answer.contains("X-Frame-Options: DENY") && answer.contains("X-Request-Id: req-"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
            JsonNode c = connections(s);
            assertEquals(1, c.get("body_timeouts").asInt(), c.toString());
            assertEquals(0, c.get("premature_closes").asInt(), "the server's own close is not the client's: " + c);
        }
    }

    @Test
    void healthKeepsAnsweringWhileOneAddressFloodsTheServerWithStalledBodies() throws Exception {
        int perClient = 16;
        try (TestServer s = TestServer.start(c -> c.withConnectionLimits(64, perClient, Duration.ofSeconds(2)))) {
            AtomicBoolean attacking = new AtomicBoolean(true);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            List<Socket> held = new ArrayList<>();
            try {
                Future<Integer> attack = pool.submit(() -> {
                    int opened = 0;
                    while (attacking.get() && opened < 3_000) {
                        try {
                            held.add(stalled("127.0.0.2", s.port()));
                            opened++;
                        } catch (IOException refusedOrReset) {
                            opened++;
                        }
                    }
                    return opened;
                });
                int answered = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (answered < 40 && System.nanoTime() < deadline) {
                    RawHttp.Response r = RawHttp.exchange(s.port(), RawHttp.get("/api/health", "localhost"));
                    assertEquals(200, r.status(), "health answered under the attack");
                    answered++;
                    JsonNode c = connections(s);
                    assertTrue(c.get("open").asInt() <= perClient + 2, "the attacker holds at most its cap: " + c);
                }
                attacking.set(false);
                int opened = attack.get(60, TimeUnit.SECONDS);
                assertEquals(40, answered);
                assertTrue(opened > perClient * 4, "the attack ran: " + opened + " connections");
                JsonNode c = connections(s);
                assertTrue(c.get("refused_over_max_connections_per_client").asLong() > 0, c.toString());
                // what the server still holds ends with 408 within the deadline
                synchronized (held) {
                    for (Socket sock : held) {
                        assertTrue(untilClosed(sock, Duration.ofSeconds(10)) != null, "every stalled connection ends");
                    }
                }
                assertTrue(connections(s).get("body_timeouts").asLong() >= perClient);
            } finally {
                attacking.set(false);
                pool.shutdownNow();
                pool.awaitTermination(10, TimeUnit.SECONDS);
                for (Socket sock : held) {
                    sock.close();
                }
            }
        }
    }

    @Test
    void overTheTotalCapNewConnectionsAreClosedAtOnceAndTheServerRecoversByItself() throws Exception {
        int max = 24;
        try (TestServer s = TestServer.start(c -> c.withConnectionLimits(max, 8, Duration.ofSeconds(2)))) {
            List<Socket> held = new ArrayList<>();
            try {
                // eight local addresses with eight stalled bodies each: more than the total cap
                for (int a = 2; a < 10; a++) {
                    for (int i = 0; i < 8; i++) {
                        held.add(stalled("127.0.0." + a, s.port()));
                    }
                }
                // one more connection: closed at once, not queued until a slot frees
                try (Socket extra = stalled("127.0.0.20", s.port())) {
                    long t0 = System.nanoTime();
                    String got = untilClosed(extra, Duration.ofSeconds(1));
                    assertTrue(got != null && got.isEmpty(), "closed at once without an answer: " + got);
                    assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1));
                }
                // the stalled bodies time out, their slots free, and health is served again
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                RawHttp.Response health = null;
                while (System.nanoTime() < deadline) {
                    try {
                        health = RawHttp.exchange(s.port(), RawHttp.get("/api/health", "localhost"));
                        break;
                    } catch (IOException closedAtOnce) {
                        Thread.onSpinWait();
                    }
                }
                assertTrue(health != null && health.status() == 200, "health is served once the stalled bodies end");
                JsonNode c = connections(s);
                assertTrue(c.get("refused_over_max_connections").asLong() > 0, c.toString());
                for (Socket sock : held) {
                    assertTrue(untilClosed(sock, Duration.ofSeconds(10)) != null, "every stalled connection ends");
                }
                c = connections(s);
                assertEquals(max, c.get("body_timeouts").asLong(), "each admitted stalled body timed out: " + c);
            } finally {
                for (Socket sock : held) {
                    sock.close();
                }
            }
        }
    }
}
