package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.cli.ServeCommand;

/**
 * Issue 10.6 on the real daemon: a rejected proposal is not proposed again by the next scan, the
 * decision log says "suppressed: rejected at …", and the cool-down survives a restart.
 */
class CoolDownDaemonTest {
    /** Friday 2026-11-27, 11:00 in New York: in session, the default cool-down runs until 16:00 there. */
    private static final String FRIDAY_IN_SESSION = "2026-11-27T16:00:00Z";
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;

    /** The daemon on {@link #home} with its clock at {@link #FRIDAY_IN_SESSION}, and the port it listens on. */
    private record Daemon(DaemonProcess process, int port) implements AutoCloseable {
        @Override
        public void close() {
            process.close();
        }
    }

    private Daemon start() throws Exception {
        DaemonProcess p = DaemonProcess.start(home, Map.of(),
                List.of("-D" + ServeCommand.CLOCK_START_PROPERTY + "=" + FRIDAY_IN_SESSION), "serve", "--port", "0");
        return new Daemon(p, p.awaitPort(Duration.ofSeconds(60)));
    }

    @Test
    void aRejectedProposalIsSuppressedByTheNextScanAndAfterARestart() throws Exception {
        JsonNode rejected;
        try (Daemon daemon = start()) {
            int port = daemon.port();
            call(port, "POST", "/api/scan", 200);
            JsonNode pending = call(port, "GET", "/api/proposals?status=pending&limit=100", 200).get("proposals");
            assertTrue(pending.size() >= 1, "the first scan proposes: " + pending);
            rejected = pending.get(0);
            String id = rejected.get("proposal_id").asText();
            assertEquals("rejected", call(port, "POST", "/api/proposals/" + id + "/reject",
                    "{\"reason\":\"not today\"}", 200).get("status").asText());

            JsonNode again = decisionOnSameSetup(call(port, "POST", "/api/scan", 200).get("decisions"), rejected);
            assertEquals("suppressed", again.get("outcome").asText(), again.toString());
            assertTrue(again.get("reason").asText().startsWith("suppressed: rejected at 2026-11-27T16:"),
                    again.toString());
            assertTrue(again.get("reason").asText().contains(id), again.toString());
            assertTrue(again.get("proposal_id").isNull(), again.toString());
            for (JsonNode p : call(port, "GET", "/api/proposals?status=pending&limit=100", 200).get("proposals")) {
                assertFalse(sameSetup(p, rejected), "proposed again: " + p);
            }
            JsonNode logged = call(port, "GET", "/api/decisions?date=2026-11-27", 200);
            assertTrue(StreamSupport.stream(logged.get("decisions").spliterator(), false)
                    .anyMatch(d -> d.get("outcome").asText().equals("suppressed") && sameSetup(d, rejected)
                            && d.get("reason").asText().startsWith("suppressed: rejected at ")),
                    "GET /api/decisions shows the suppression: " + logged);
        }
        try (Daemon restarted = start()) {
            int port = restarted.port();
            JsonNode after = decisionOnSameSetup(call(port, "POST", "/api/scan", 200).get("decisions"), rejected);
            assertEquals("suppressed", after.get("outcome").asText(), "the cool-down survives a restart: " + after);
        }
    }

    private static boolean sameSetup(JsonNode a, JsonNode b) {
        return List.of("symbol", "direction", "setup_type").stream()
                .allMatch(f -> a.get(f).asText().equals(b.get(f).asText()));
    }

    private static JsonNode decisionOnSameSetup(JsonNode decisions, JsonNode proposal) {
        return StreamSupport.stream(decisions.spliterator(), false).filter(d -> sameSetup(d, proposal)).findFirst()
                .orElseThrow(() -> new AssertionError("the scan found no " + proposal.get("symbol") + " "
                        + proposal.get("setup_type") + " setup: " + decisions));
    }

    private JsonNode call(int port, String method, String path, int status) throws Exception {
        return call(port, method, path, "", status);
    }

    private JsonNode call(int port, String method, String path, String body, int status) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body.isEmpty() ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), method + " " + path + " → " + r.body());
        return json.readTree(r.body());
    }
}
