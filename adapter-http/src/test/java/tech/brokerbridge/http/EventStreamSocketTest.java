package tech.brokerbridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.testing.TestServer;
import tech.brokerbridge.ports.events.DeskEvent;

/** {@code GET /api/events} over real sockets: frames, replay after a reconnect, the rate limit, a slow client. */
class EventStreamSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One SSE event as read: its id (or null), name and data. */
    record Sse(String id, String event, String data) {
        JsonNode json() throws IOException {
            return JSON.readTree(data);
        }
    }

    /** An open stream read line by line. */
    static final class Stream implements AutoCloseable {
        final Socket socket = new Socket();
        final BufferedReader in;
        final String status;
        final List<String> headers = new ArrayList<>();

        Stream(int port, String... extraHeaders) throws IOException {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(10_000);
            StringBuilder req = new StringBuilder("GET /api/events HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n");
            for (String h : extraHeaders) {
                req.append(h).append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(req.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            status = in.readLine();
            String line;
            while ((line = in.readLine()) != null && !line.isEmpty()) {
                headers.add(line.toLowerCase(java.util.Locale.ROOT));
            }
        }

        /** The next event (comments and the chunk-size lines of the chunked encoding are skipped). */
        Sse next() throws IOException {
            String id = null;
            String event = null;
            String data = null;
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                } else if (line.isEmpty() && event != null) {
                    return new Sse(id, event, data);
                }
            }
            throw new IOException("stream ended");
        }

        String nextComment() throws IOException {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith(":")) {
                    return line;
                }
            }
            throw new IOException("stream ended");
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static void killSwitch(TestServer s, String reason) {
        s.desk.events.publish((id, t) -> new DeskEvent.KillSwitchEngaged(id, t, reason, "user"));
    }

    @Test
    void eachEventIsOneFrameWithItsIdNameAndJsonAfterReady() throws Exception {
        try (TestServer s = TestServer.start(); Stream st = new Stream(s.port())) {
            assertTrue(st.status.contains(" 200 "), st.status);
            assertTrue(st.headers.contains("content-type: text/event-stream; charset=utf-8"), st.headers.toString());
            assertTrue(st.headers.stream().anyMatch(h -> h.startsWith("x-frame-options: deny")), "security headers");
            assertTrue(st.headers.stream().anyMatch(h -> h.startsWith("x-request-id: ")), "request id");
            Sse ready = st.next();
            assertEquals("ready", ready.event());
            assertEquals(null, ready.id(), "ready carries no id: the client's last id stays");
            assertEquals(false, ready.json().get("complete").asBoolean());
            killSwitch(s, "stepping away");
            Sse e = st.next();
            assertEquals("1", e.id());
            assertEquals("kill_switch.engaged", e.event());
            JsonNode j = e.json();
            assertEquals(1, j.get("id").asLong());
            assertEquals("kill_switch.engaged", j.get("type").asText());
            assertEquals("stepping away", j.get("reason").asText());
            assertEquals("user", j.get("engaged_by").asText());
            assertTrue(j.get("engaged").asBoolean());
        }
    }

    @Test
    void aReconnectWithLastEventIdGetsWhatItMissedThenReady() throws Exception {
        try (TestServer s = TestServer.start()) {
            try (Stream first = new Stream(s.port())) {
                first.next();
                killSwitch(s, "one");
                assertEquals("1", first.next().id());
            }
            try (Stream observer = new Stream(s.port())) {
                observer.next();
                killSwitch(s, "two");
                killSwitch(s, "three");
                observer.next();
                assertEquals("3", observer.next().id(), "both are in the server's buffer now (delivery is async)");
            }
            try (Stream again = new Stream(s.port(), "Last-Event-ID: 1")) {
                assertEquals("two", again.next().json().get("reason").asText());
                Sse third = again.next();
                assertEquals("3", third.id());
                Sse ready = again.next();
                assertEquals("ready", ready.event());
                assertEquals(2, ready.json().get("replayed").asInt());
                assertTrue(ready.json().get("complete").asBoolean());
                assertEquals(3, ready.json().get("last_event_id").asLong());
            }
            try (Stream other = new Stream(s.port(), "Last-Event-ID: 999")) {
                Sse ready = other.next();
                assertEquals("ready", ready.event());
                assertEquals(false, ready.json().get("complete").asBoolean(), "an id of another run: reload");
            }
        }
    }

    @Test
    void aStreamCountsOnceAgainstTheRateLimitAndStaticFilesNotAtAll() throws Exception {
        try (TestServer s = TestServer.start(c -> new HttpServerConfig(c.port(), 3, Duration.ofSeconds(60),
                c.allowedHosts(), c.adminToken(), c.maxBodyBytes(), c.idleTimeout(), c.blockingThreads(),
                c.version()))) {
            for (int i = 0; i < 10; i++) {
                assertEquals(200, s.get("/").statusCode(), "static file " + i);
                assertEquals(200, s.get("/app.js").statusCode());
            }
            try (Stream st = new Stream(s.port())) {
                st.next();
                for (int i = 0; i < 50; i++) {
                    killSwitch(s, "n" + i);
                }
                for (int i = 0; i < 50; i++) {
                    assertEquals("kill_switch.engaged", st.next().event());
                }
            }
            assertEquals(200, s.get("/api/health").statusCode());
            assertEquals(200, s.get("/api/health").statusCode());
            assertEquals(429, s.get("/api/health").statusCode(), "3 = the stream + 2 requests");
        }
    }

    @Test
    void aClientThatDoesNotReadIsClosedInsteadOfGrowingMemory() throws Exception {
        try (TestServer s = TestServer.start()) {
            Socket slow = new Socket();
            slow.setReceiveBufferSize(4096);
            slow.connect(new InetSocketAddress("127.0.0.1", s.port()), 5000);
            slow.getOutputStream().write("GET /api/events HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            try (Stream reader = new Stream(s.port())) {
                reader.next();
                String big = "x".repeat(8000);
                // 9.6 MB: more than the kernel's socket buffers (tcp_wmem max 4 MB here) plus the 1 MiB a
                // stream may hold unsent
                int n = 1200;
                for (int i = 0; i < n; i++) {
                    s.desk.events.publish((id, t) -> new DeskEvent.Warning(id, t, "test", big, Optional.empty()));
                    if (i % 50 == 0) {
                        for (int k = 0; k < 50 && i > 0; k++) {
                            reader.next(); // the reading client keeps up
                        }
                    }
                }
                slow.setSoTimeout(10_000);
                InputStream in = slow.getInputStream();
                long read = 0;
                byte[] buf = new byte[65536];
                int r;
                while ((r = in.read(buf)) >= 0) {
                    read += r;
                }
                assertTrue(read < 6_000_000L, "the slow client was cut off long before getting everything: " + read);
            } finally {
                slow.close();
            }
        }
    }

    @Test
    void theStreamEndsWhenTheServerStops() throws Exception {
        TestServer s = TestServer.start();
        try (Stream st = new Stream(s.port())) {
            st.next();
            long t0 = System.nanoTime();
            s.server.stop(Duration.ofSeconds(5));
            String line;
            while ((line = st.in.readLine()) != null) {
                assertTrue(line.isEmpty() || line.equals("0"), "only the last chunk: " + line);
            }
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(4).toNanos(), "not held until the grace ends");
        } finally {
            s.close();
        }
    }
}
