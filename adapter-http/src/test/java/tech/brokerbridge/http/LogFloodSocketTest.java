package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.Diagnostics;
import tech.brokerbridge.http.testing.LogCapture;
import tech.brokerbridge.http.testing.RawHttp;
import tech.brokerbridge.http.testing.TestServer;

/**
 * Issue 14.2, through real sockets: connections dropped mid-body, reset, and TLS and HTTP/2 openings on the
 * plain port are what clients do; they are counted, and the log stays small (before: a 2.3 KB stack trace
 * per dropped connection).
 */
class LogFloodSocketTest {
    private static final byte[] PARTIAL = ("POST /api/proposals/prp-0123456789ab/reject HTTP/1.1\r\nHost: localhost\r\n"
            + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"reason\":").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TLS_HELLO = {0x16, 0x03, 0x01, 0x00, (byte) 0xa5, 0x01, 0x00, 0x00, (byte) 0xa1, 0x03, 0x03};
    private static final byte[] HTTP2_PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final int DROPS = 2_000;
    private static final int EACH_OTHER = 100;

    private static void sendAndClose(int port, byte[] bytes, boolean reset) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            if (reset) {
                s.setSoLinger(true, 0);
            }
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
        }
    }

    private static void sendAndAwaitClose(int port, byte[] bytes) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(10_000);
            s.getOutputStream().write(bytes);
            s.getOutputStream().flush();
            s.getInputStream().readAllBytes();
        }
    }

    private static JsonNode connections(TestServer s) throws Exception {
        return Diagnostics.section(s, "connections");
    }

    private static long counted(JsonNode c) {
        long n = 0;
        for (String k : new String[] {"premature_closes", "resets", "tls_openings", "http2_openings",
            "refused_over_max_connections", "refused_over_max_connections_per_client"}) {
            n += c.get(k).asLong();
        }
        return n;
    }

    @Test
    void theDropAttackAddsLessThan10KbToTheLog() throws Exception {
        try (TestServer s = TestServer.start(); LogCapture log = LogCapture.capture()) {
            for (int i = 0; i < EACH_OTHER; i++) {
                sendAndAwaitClose(s.port(), TLS_HELLO);
                sendAndAwaitClose(s.port(), HTTP2_PREFACE);
            }
            for (int i = 0; i < DROPS; i++) {
                sendAndClose(s.port(), PARTIAL, i % 10 == 9);
            }
            // the server sees every connection (bounded wait): each is counted once, as what the client did or
            // as refused over a connection cap when the attacker opened them faster than they closed
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            JsonNode c = connections(s);
            while (counted(c) < DROPS + 2 * EACH_OTHER && System.nanoTime() < deadline) {
                Thread.sleep(50);   // poll interval of a bounded wait (the diagnostics are rate-limited too)
                c = connections(s);
            }
            // at least: refusals of our own retried diagnostics requests may count too
            assertTrue(counted(c) >= DROPS + 2 * EACH_OTHER, c.toString());
            assertEquals(EACH_OTHER, c.get("tls_openings").asLong(), c.toString());
            assertEquals(EACH_OTHER, c.get("http2_openings").asLong(), c.toString());
            assertTrue(c.get("premature_closes").asLong() > 0 && c.get("resets").asLong() > 0, c.toString());
            assertEquals(200, RawHttp.exchange(s.port(), RawHttp.get("/api/health", "localhost")).status());
            assertTrue(log.bytes() < 10 * 1024, log.bytes() + " bytes logged: " + log.lines());
            assertTrue(log.lines().stream().noneMatch(l -> l.contains("Exception")), log.lines().toString());
        }
    }
}
