package tech.brokerbridge.http.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Reads a section of {@code GET /api/admin/diagnostics} over a real socket. */
public final class Diagnostics {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Diagnostics() {
    }

    /**
     * The section {@code name}; while an attack keeps the connection caps full our own request may be
     * closed at once, so it is retried (bounded: 10 s).
     */
    public static JsonNode section(TestServer s, String name) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                RawHttp.Response diag = RawHttp.exchange(s.port(), RawHttp.get("/api/admin/diagnostics", "localhost",
                        "Authorization: Bearer " + TestServer.ADMIN_TOKEN));
                if (diag.status() != 200) {
                    throw new IllegalStateException("diagnostics answered " + diag.status() + ": " + diag.body());
                }
                return JSON.readTree(diag.body()).get(name);
            } catch (IOException closedAtTheCap) {
                if (System.nanoTime() > deadline) {
                    throw closedAtTheCap;
                }
                Thread.sleep(20);   // poll interval of a bounded wait
            }
        }
    }
}
