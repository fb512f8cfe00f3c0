package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;

/**
 * The whole desk in this JVM, built as {@code serve} builds it ({@link DeskRuntime}, Guice), with
 * {@code BROKERBRIDGE_BROKER=ibkr} pointed at a fake IB Gateway on loopback: HTTP on port 0, its own
 * data directory, the file vault, a fixed machine id, and a clock pinned to a US session. Plus a
 * small HTTP client and bounded polling (waits are upper bounds, never what a test measures).
 */
final class IbkrDesk implements AutoCloseable {
    /** A Friday, 11:00 in New York: the US session is open. */
    static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z");
    static final int CLIENT_ID = 7;
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    final DeskRuntime runtime;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private IbkrDesk(DeskRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Starts a desk on {@code home} whose broker is the IB Gateway at 127.0.0.1:{@code gatewayPort}
     * (API client id {@link #CLIENT_ID}), scanning {@code watchlist}. Returns at once, whether or
     * not the gateway is up.
     */
    static IbkrDesk start(Path home, int gatewayPort, String watchlist) {
        return start(home, gatewayPort, watchlist, Map.of());
    }

    /** As {@link #start(Path, int, String)}, with more configuration keys (as {@code --set} flags). */
    static IbkrDesk start(Path home, int gatewayPort, String watchlist, Map<String, String> more) {
        return start(home, gatewayPort, watchlist, more, NOW);
    }

    /** As {@link #start(Path, int, String, Map)}, with the clock pinned at {@code now}. */
    static IbkrDesk start(Path home, int gatewayPort, String watchlist, Map<String, String> more, Instant now) {
        Map<String, String> env = Map.of("BROKERBRIDGE_BROKER", "ibkr", "BROKERBRIDGE_IBKR_HOST", "127.0.0.1",
                "BROKERBRIDGE_IBKR_PORT", Integer.toString(gatewayPort), "BROKERBRIDGE_IBKR_CLIENT_ID",
                Integer.toString(CLIENT_ID), "BROKERBRIDGE_SECRETS_BACKEND", "file", "BROKERBRIDGE_MACHINE_ID",
                "ibkr-e2e-machine-0001");
        Map<String, String> flags = new LinkedHashMap<>();
        flags.put("port", "0");
        flags.put("watchlist", watchlist);
        flags.put("rate_limit", "10000/60s"); // the tests poll
        flags.putAll(more);
        DeskRuntime runtime = DeskRuntime.create(ConfigLoader.load(env, home, Optional.of(home), flags),
                Clock.fixed(now, ZoneOffset.UTC));
        runtime.start();
        return new IbkrDesk(runtime);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return json(raw(path), 200, path);
    }

    /** {@code GET path}, whatever the status. */
    HttpResponse<String> raw(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        b = body.isEmpty() ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return json(send(b), 200, path);
    }

    /** {@code POST path} with a JSON body (or none), whatever the status. */
    HttpResponse<String> postRaw(String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
        b = body.isEmpty() ? b.POST(HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b);
    }

    /** The error object of an answer with {@code status}. */
    static JsonNode error(HttpResponse<String> r, int status) throws IOException {
        return json(r, status, "error").get("error");
    }

    /** The pending proposals by symbol. */
    Map<String, JsonNode> pendingBySymbol() throws IOException, InterruptedException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        get("/api/proposals?status=pending&limit=100").get("proposals").forEach(p -> out.put(p.get("symbol").asText(), p));
        return out;
    }

    /** The scan's decisions by symbol (the last one per symbol). */
    static Map<String, JsonNode> decisionsBySymbol(JsonNode scan) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        scan.get("decisions").forEach(d -> out.put(d.get("symbol").asText(), d));
        return out;
    }

    /** Polls {@code path} until its JSON satisfies {@code done}; fails after {@link #WAIT}. */
    JsonNode await(String path, Predicate<JsonNode> done, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = get(path);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; last " + path
                        + " → " + last);
            }
            Thread.sleep(25);
            last = get(path);
        }
        return last;
    }

    /** The broker part of {@code GET /api/health}. */
    JsonNode broker() throws IOException, InterruptedException {
        return get("/api/health").get("services").get("broker");
    }

    JsonNode awaitBrokerConnected() throws IOException, InterruptedException {
        return await("/api/health", h -> h.get("services").get("broker").get("connected").asBoolean(),
                "the broker connected").get("services").get("broker");
    }

    JsonNode awaitStatus(String proposalId, String status) throws IOException, InterruptedException {
        return await("/api/proposals/" + proposalId, p -> p.get("status").asText().equals(status),
                "proposal " + proposalId + " " + status);
    }

    /** Every placeOrder the gateway received for this orderRef, in order. */
    static List<Outbound.PlaceOrder> placed(FakeGateway gw, String orderRef) {
        return gw.placedOrders().stream().filter(p -> p.order().orderRef().equals(orderRef)).toList();
    }

    /** Waits (bounded) until the gateway has seen {@code n} successful API handshakes in all. */
    static void awaitSessions(FakeGateway gw, int n) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (gw.connectedVersions.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: session " + n + " at the gateway, "
                        + gw.connectedVersions.size() + " so far");
            }
            Thread.sleep(10);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
        return http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r, int status, String path) throws IOException {
        assertEquals(status, r.statusCode(), path + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private URI uri(String path) {
        return URI.create(runtime.url() + path);
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
