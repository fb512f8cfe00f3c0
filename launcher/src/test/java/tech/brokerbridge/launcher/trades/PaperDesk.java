package tech.brokerbridge.launcher.trades;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import tech.brokerbridge.launcher.config.ConfigLoader;
import tech.brokerbridge.launcher.wiring.DeskRuntime;
import tech.brokerbridge.paper.PaperMarket;
import tech.brokerbridge.paper.internal.SimulatedMarket;

/**
 * The whole desk as {@code serve} builds it, on the paper broker, in this JVM: HTTP on port 0, its own
 * data directory, a clock standing still in a US session (Friday 2026-11-27 11:00 New York), and the
 * paper market's test hook to move a price. Talked to through the real HTTP API only.
 */
final class PaperDesk implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-27T16:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    final DeskRuntime runtime;

    private PaperDesk(DeskRuntime runtime) {
        this.runtime = runtime;
    }

    static PaperDesk start(Path home) {
        DeskRuntime runtime = DeskRuntime.create(ConfigLoader.load(Map.of("BROKERBRIDGE_SECRETS_BACKEND", "file",
                "BROKERBRIDGE_MACHINE_ID", "paper-trades-machine-01"), home, Optional.of(home),
                Map.of("port", "0", "rate_limit", "10000/60s")), Clock.fixed(NOW, ZoneOffset.UTC));
        runtime.start();
        return new PaperDesk(runtime);
    }

    /** The market for {@code symbol} trades at {@code price} now: paper orders it reaches fill. */
    void marketTradesAt(String symbol, double price) {
        ((SimulatedMarket) runtime.injector().getInstance(PaperMarket.class)).exchange().forcePrice(symbol, price);
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return call("GET", path, "", Optional.empty(), 200);
    }

    String text(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = send("GET", path, "", Optional.empty());
        assertEquals(200, r.statusCode(), path + " → " + r.body());
        return r.body();
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        return call("POST", path, body, Optional.empty(), 200);
    }

    /** A request whose answer must have {@code status}; the answer parsed. */
    JsonNode call(String method, String path, String body, Optional<String> key, int status)
            throws IOException, InterruptedException {
        HttpResponse<String> r = send(method, path, body, key);
        assertEquals(status, r.statusCode(), method + " " + path + " " + body + " → " + r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(String method, String path, String body, Optional<String> key)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(runtime.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").method(method, body.isEmpty()
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        key.ifPresent(k -> b.header("Idempotency-Key", k));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls {@code path} until its answer satisfies {@code done}; fails after 10 s. */
    JsonNode await(String path, Predicate<JsonNode> done, String what) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = get(path);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT.toSeconds() + " s: " + what + "; last " + last);
            }
            Thread.sleep(25);
            last = get(path);
        }
        return last;
    }

    /** The pending proposals after a scan. */
    List<JsonNode> scanForProposals() throws IOException, InterruptedException {
        post("/api/scan", "");
        List<JsonNode> out = new ArrayList<>();
        get("/api/proposals?status=pending&limit=100").get("proposals").forEach(out::add);
        return out;
    }

    /** The bracket of {@code ref} as {@code GET /api/orders} shows it. */
    JsonNode order(String ref) throws IOException, InterruptedException {
        for (JsonNode o : get("/api/orders?limit=100").get("orders")) {
            if (o.get("order_ref").asText().equals(ref)) {
                return o;
            }
        }
        throw new AssertionError("no order " + ref);
    }

    @Override
    public void close() {
        runtime.stop();
    }
}
