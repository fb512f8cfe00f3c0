package tech.brokerbridge.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.launcher.cli.ServeCommand;

/**
 * The end-to-end flow on the real daemon in a child JVM: a scan yields pending proposals, one
 * is approved with a modified stop, one is rejected with a reason; then the process is killed with
 * SIGKILL while more rejections are in flight, and a new process on the same data directory still
 * has every acknowledged proposal, status change, approval, order and decision.
 */
class NothingLostTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);
    /** A Friday during the US session: the paper market trades and the scan is deterministic. */
    private static final List<String> JVM = List.of("-D" + ServeCommand.CLOCK_START_PROPERTY + "=2026-11-27T16:00:00Z");
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path home;

    @Test
    void aSigkillMidFlowLosesNothingThatWasAcknowledged() throws Exception {
        String approvedId;
        String rejectedId;
        double modifiedStop;
        List<String> ackedRejections = Collections.synchronizedList(new ArrayList<>());
        List<String> inFlight = new ArrayList<>();
        try (DaemonProcess first = DaemonProcess.start(home, Map.of(), JVM, "serve", "--port", "0")) {
            int port = first.awaitPort(START);
            JsonNode scan = post(port, "/api/scan", "");
            assertTrue(scan.toString().contains("proposed"), "the scan proposes trades: " + scan);
            List<JsonNode> pending = new ArrayList<>();
            get(port, "/api/proposals?status=pending&limit=100").get("proposals").forEach(pending::add);
            assertTrue(pending.size() >= 3, "at least three pending proposals: " + pending.size());

            JsonNode p1 = pending.get(0);
            approvedId = p1.get("proposal_id").asText();
            double entry = p1.get("entry_price").asDouble();
            double stop = p1.get("stop_price").asDouble();
            modifiedStop = Math.round((entry + (stop - entry) * 0.9) * 100) / 100.0; // a slightly tighter stop
            JsonNode approved = post(port, "/api/proposals/" + approvedId + "/approve",
                    "{\"stop_price\":" + modifiedStop + "}");
            assertTrue(List.of("executing", "executed").contains(approved.get("status").asText()), approved.toString());
            assertEquals(modifiedStop, approved.get("stop_price").asDouble(), 1e-9);

            rejectedId = pending.get(1).get("proposal_id").asText();
            JsonNode rejected = post(port, "/api/proposals/" + rejectedId + "/reject", "{\"reason\":\"too extended\"}");
            assertEquals("rejected", rejected.get("status").asText());

            // more rejections in flight while the process is killed
            pending.subList(2, pending.size()).forEach(p -> inFlight.add(p.get("proposal_id").asText()));
            CountDownLatch firstAck = new CountDownLatch(1);
            Thread rejecter = new Thread(() -> {
                for (String id : inFlight) {
                    try {
                        JsonNode r = post(port, "/api/proposals/" + id + "/reject", "{\"reason\":\"in flight\"}");
                        if ("rejected".equals(r.path("status").asText())) {
                            ackedRejections.add(id);
                        }
                        firstAck.countDown();
                    } catch (Exception e) {
                        return; // the process is gone: this one was not acknowledged
                    }
                }
            });
            rejecter.start();
            assertTrue(firstAck.await(30, TimeUnit.SECONDS));
            first.process.destroyForcibly(); // SIGKILL
            first.process.waitFor(30, TimeUnit.SECONDS);
            rejecter.join(30_000);
        }

        try (DaemonProcess second = DaemonProcess.start(home, Map.of(), JVM, "serve", "--port", "0")) {
            int port = second.awaitPort(START);
            JsonNode approved = get(port, "/api/proposals/" + approvedId);
            assertTrue(List.of("executing", "executed", "failed").contains(approved.get("status").asText()),
                    approved.toString());
            assertEquals(modifiedStop, approved.get("stop_price").asDouble(), 1e-9);
            assertTrue(approved.get("history").toString().contains("approved"), approved.toString());

            JsonNode rejected = get(port, "/api/proposals/" + rejectedId);
            assertEquals("rejected", rejected.get("status").asText());
            assertTrue(rejected.get("history").toString().contains("too extended"), rejected.toString());

            for (String id : List.copyOf(ackedRejections)) {
                assertEquals("rejected", get(port, "/api/proposals/" + id).get("status").asText(), id);
            }
            for (String id : inFlight) {
                String status = get(port, "/api/proposals/" + id).get("status").asText();
                assertTrue(List.of("pending", "rejected", "expired").contains(status), id + " " + status);
            }

            String csv = text(port, "/api/journal/approvals.csv");
            assertTrue(csv.contains(approvedId) && csv.contains("modify"), csv);
            assertTrue(csv.contains(rejectedId) && csv.contains("too extended"), csv);
            assertTrue(get(port, "/api/orders").toString().contains(approvedId));
            assertTrue(get(port, "/api/decisions?date=2026-11-27").toString().contains(approvedId));
        }
    }

    private JsonNode get(int port, String path) throws Exception {
        return JSON.readTree(text(port, path));
    }

    private String text(int port, String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        return r.body();
    }

    private JsonNode post(int port, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        b = body.isEmpty() ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
