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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.launcher.cli.ServeCommand;
import tech.brokerbridge.launcher.ibkr.BreakoutBars;

/**
 * SIGKILL in the middle of a close, on the real daemon in a child JVM trading through IB (a fake IB
 * Gateway in this JVM, speaking the TWS protocol on loopback). The gateway holds its answer to one
 * request of the close while the process is killed, then acts on it, as IB would with no client there.
 *
 * <ul>
 * <li>Killed once the closing order went out: a new daemon on the same data directory finds the close
 * at the gateway; the position is flat, exactly one closing order was ever sent (no duplicate close),
 * no leg of the trade is left working (no orphan), and the trade is recorded closed.</li>
 * <li>Killed after the stop and target were cancelled but before the close went out: the new daemon
 * does not send the close again; it finds the position unprotected, says so (health, positions,
 * orders), and a stop is back only when the user re-arms it.</li>
 * </ul>
 * And, with no kill, the other actions through the same daemon's API on IB: cancel a bracket whose
 * entry has not filled, move the stop, make it a trailing stop, close half, close the rest.
 */
class CloseKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(60);
    private static final List<String> JVM = List.of("-D" + ServeCommand.CLOCK_START_PROPERTY + "=2026-11-27T16:00:00Z");
    /** The restarted daemon's clock starts later, as a real one would. */
    private static final List<String> JVM_LATER = List.of("-D" + ServeCommand.CLOCK_START_PROPERTY
            + "=2026-11-27T16:05:00Z");
    private final HttpClient http = HttpClient.newHttpClient();
    private final FakeGateway gw = new FakeGateway();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        gw.close();
    }

    private Map<String, String> env;

    /** A gateway with AAPL's breakout bars and no position but the desk's; the daemons' environment. */
    private void gateway() throws Exception {
        gw.holdings.clear();
        gw.contracts.put("AAPL", 265598);
        gw.bars.put("AAPL", BreakoutBars.ending(LocalDate.of(2026, 11, 26), 300, 150.0));
        gw.start();
        env = Map.of("BROKERBRIDGE_BROKER", "ibkr", "BROKERBRIDGE_IBKR_HOST", "127.0.0.1",
                "BROKERBRIDGE_IBKR_PORT", Integer.toString(gw.port()), "BROKERBRIDGE_IBKR_CLIENT_ID", "7",
                "BROKERBRIDGE_WATCHLIST", "AAPL", "BROKERBRIDGE_RATE_LIMIT", "10000/60s");
    }

    /** Scans, approves the AAPL breakout and fills its entry; returns the proposal id. */
    private String filledTrade(int port) throws Exception {
        await(port, "/api/health", h -> h.get("services").get("broker").get("connected").asBoolean(), "connected");
        call(port, "POST", "/api/scan", 200);
        JsonNode p = call(port, "GET", "/api/proposals?status=pending&limit=10", 200).get("proposals").get(0);
        String id = p.get("proposal_id").asText();
        call(port, "POST", "/api/proposals/" + id + "/approve", 200);
        gw.marketTradesAt("AAPL", p.get("entry_price").asDouble());
        await(port, "/api/orders?limit=10", o -> bracketState(o, id).equals("open"), "the entry filled");
        return id;
    }

    /**
     * Closes AAPL and SIGKILLs the daemon the moment the gateway receives the request {@code at}
     * matches, before the gateway acts on it; then lets the gateway act, as IB does with no client.
     */
    private void closeAndKillAt(DaemonProcess daemon, int port, Predicate<Outbound> at) throws Exception {
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        gw.beforeAnswer = m -> {
            if (at.test(m)) {
                arrived.countDown();
                try {
                    killed.await(30, TimeUnit.SECONDS); // IB has the request; its answer waits for the kill
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        Thread closer = new Thread(() -> {
            try {
                call(port, "POST", "/api/positions/AAPL/close", 200);
            } catch (Exception | AssertionError e) {
                // the process dies under this request: it is never answered
            }
        });
        closer.start();
        assertTrue(arrived.await(30, TimeUnit.SECONDS), "the request reached the gateway");
        daemon.process.destroyForcibly(); // SIGKILL
        assertTrue(daemon.process.waitFor(30, TimeUnit.SECONDS));
        gw.beforeAnswer = m -> { };
        killed.countDown();
        closer.join(30_000);
    }

    @Test
    void aCloseInterruptedBySigkillIsFoundAfterTheRestartAndNeverSentTwice() throws Exception {
        gateway();
        String id;
        try (DaemonProcess first = DaemonProcess.start(home, env, JVM, "serve", "--port", "0")) {
            int port = first.awaitPort(START);
            id = filledTrade(port);
            closeAndKillAt(first, port, m -> m instanceof Outbound.PlaceOrder o
                    && o.order().orderRef().startsWith("cls-"));
            awaitGateway(closingOrders(id).get(0).orderId(), "Filled");
        }

        try (DaemonProcess second = DaemonProcess.start(home, env, JVM_LATER, "serve", "--port", "0")) {
            int port = second.awaitPort(START);
            JsonNode order = await(port, "/api/orders?limit=10", o -> bracketState(o, id).equals("closed")
                    && find(o, id).get("state").asText().equals("closed"), "the trade closed by the close the gateway filled");
            JsonNode trades = await(port, "/api/trades?from=2026-11-27&to=2026-11-27", t -> t.get("trades").size() == 1,
                    "the closed trade recorded");
            assertEquals("close", trades.get("trades").get(0).get("exit_reason").asText());
            assertEquals(0, call(port, "GET", "/api/positions", 200).get("positions").size());
            assertEquals(0, call(port, "GET", "/api/health", 200).get("warnings").size());
            assertEquals(1, closingOrders(id).size(), "exactly one closing order was ever sent: " + closingOrders(id));
            assertNoLegWorkingAtTheGateway();
            assertTrue(find(order, id).get("legs").toString().contains("\"leg\":\"close\""), order.toString());
        }
    }

    @Test
    void killedAfterTheStopWasCutButBeforeTheCloseWentOutThePositionIsReportedUnprotectedAndNothingIsResent()
            throws Exception {
        gateway();
        String id;
        try (DaemonProcess first = DaemonProcess.start(home, env, JVM, "serve", "--port", "0")) {
            int port = first.awaitPort(START);
            id = filledTrade(port);
            int targetId = gw.placedOrders().stream().filter(o -> o.order().orderRef().equals(id)).toList().get(2)
                    .orderId();
            closeAndKillAt(first, port, m -> m instanceof Outbound.CancelOrder c && c.orderId() == targetId);
            awaitGateway(targetId, "Cancelled");
        }
        try (DaemonProcess second = DaemonProcess.start(home, env, JVM_LATER, "serve", "--port", "0")) {
            int port = second.awaitPort(START);
            JsonNode health = await(port, "/api/health", h -> h.get("warnings").size() == 1, "the warning");
            assertTrue(health.get("warnings").get(0).asText().startsWith("unprotected position: AAPL"),
                    health.toString());
            JsonNode position = call(port, "GET", "/api/positions", 200).get("positions").get(0);
            assertEquals("unprotected", position.get("protection").asText());
            await(port, "/api/orders?limit=10", o -> bracketState(o, id).equals("unprotected")
                    && find(o, id).get("state").asText().equals("unprotected"), "the bracket says so");
            assertEquals(List.of(), closingOrders(id), "the close never went out and was not sent after the restart");

            JsonNode rearmed = call(port, "POST", "/api/positions/AAPL/rearm-stop", 200);
            assertEquals("rearm_stop", rearmed.get("kind").asText());
            await(port, "/api/positions", x -> x.get("positions").get(0).get("protection").asText().equals("protected"),
                    "protected again by the re-armed stop");
            await(port, "/api/health", h -> h.get("warnings").size() == 0, "no warning left");
        }
    }

    @Test
    void cancelModifyTrailAndCloseInTwoStepsThroughTheApiOnIb() throws Exception {
        gateway();
        gw.contracts.put("MSFT", 272093);
        gw.bars.put("MSFT", BreakoutBars.ending(LocalDate.of(2026, 11, 26), 300, 150.0));
        env = new java.util.HashMap<>(env);
        env.put("BROKERBRIDGE_WATCHLIST", "AAPL,MSFT");
        try (DaemonProcess daemon = DaemonProcess.start(home, env, JVM, "serve", "--port", "0")) {
            int port = daemon.awaitPort(START);
            await(port, "/api/health", h -> h.get("services").get("broker").get("connected").asBoolean(), "connected");
            call(port, "POST", "/api/scan", 200);
            JsonNode pending = call(port, "GET", "/api/proposals?status=pending&limit=10", 200).get("proposals");
            JsonNode aapl = proposalOf(pending, "AAPL");
            String id = aapl.get("proposal_id").asText();
            String other = proposalOf(pending, "MSFT").get("proposal_id").asText();
            call(port, "POST", "/api/proposals/" + id + "/approve", 200);
            call(port, "POST", "/api/proposals/" + other + "/approve", 200);
            await(port, "/api/orders?limit=10", o -> bracketState(o, other).equals("working"), "MSFT's entry works");

            JsonNode cancelled = call(port, "POST", "/api/orders/" + other + "/cancel", "{\"reason\":\"news\"}", 200);
            assertEquals("cancel", cancelled.get("kind").asText());
            await(port, "/api/orders?limit=10", o -> bracketState(o, other).equals("cancelled"), "MSFT cancelled");
            for (Outbound.PlaceOrder leg : gw.placedOrders()) {
                if (leg.order().orderRef().equals(other)) {
                    awaitGateway(leg.orderId(), "Cancelled");
                }
            }

            gw.marketTradesAt("AAPL", aapl.get("entry_price").asDouble());
            await(port, "/api/orders?limit=10", o -> bracketState(o, id).equals("open"), "AAPL's entry filled");
            long q = aapl.get("quantity").asLong();
            // the fake gateway's portfolio keeps the fill price as the last price: a tighter stop under it
            double entry = legOf(find(call(port, "GET", "/api/orders?limit=10", 200), id), "entry")
                    .get("average_fill_price").asDouble();
            double tighter = Math.round((entry + stopOf(call(port, "GET", "/api/positions", 200)).get("price")
                    .asDouble()) / 2 * 100) / 100.0;
            call(port, "POST", "/api/orders/" + id + "/modify", "{\"stop_price\":" + tighter + "}", 200);
            await(port, "/api/positions", x -> Math.abs(stopOf(x).get("price").asDouble() - tighter) < 1e-6,
                    "the stop moved at the gateway");
            call(port, "POST", "/api/orders/" + id + "/modify", "{\"trailing_amount\":1.5}", 200);
            await(port, "/api/positions", x -> stopOf(x).get("trailing").toString().contains("amount"),
                    "the stop trails by 1.5 at the gateway");

            long half = q / 2;
            call(port, "POST", "/api/positions/AAPL/close", "{\"quantity\":" + half + "}", 200);
            await(port, "/api/positions", x -> Math.abs(x.get("positions").get(0).get("quantity").asLong()) == q - half
                    && stopOf(x).get("quantity").asLong() == q - half, "half closed, the stop cut to the rest");
            call(port, "POST", "/api/positions/AAPL/close", 200);
            await(port, "/api/orders?limit=10", o -> bracketState(o, id).equals("closed"), "the rest closed");
            JsonNode trades = await(port, "/api/trades?from=2026-11-27&to=2026-11-27",
                    t -> t.get("trades").size() == 1, "one closed trade");
            assertEquals(q, trades.get("trades").get(0).get("quantity").asLong());
            assertEquals(0, call(port, "GET", "/api/positions", 200).get("positions").size());
            assertEquals(2, closingOrders(id).size(), "two closes, each sent once: " + closingOrders(id));
            assertNoLegWorkingAtTheGateway();
        }
    }

    private static JsonNode proposalOf(JsonNode proposals, String symbol) {
        for (JsonNode p : proposals) {
            if (p.get("symbol").asText().equals(symbol)) {
                return p;
            }
        }
        throw new AssertionError("no pending proposal for " + symbol + ": " + proposals);
    }

    /** The stop loss leg of the first position. */
    private static JsonNode stopOf(JsonNode positions) {
        return legOf(positions.get("positions").get(0), "stop_loss");
    }

    private static JsonNode legOf(JsonNode positionOrOrder, String leg) {
        for (JsonNode l : positionOrOrder.get("legs")) {
            if (l.get("leg").asText().equals(leg)) {
                return l;
            }
        }
        throw new AssertionError("no " + leg + ": " + positionOrOrder);
    }

    private void assertNoLegWorkingAtTheGateway() {
        for (Outbound.PlaceOrder leg : gw.placedOrders()) {
            String status = gw.statusOf(leg.orderId());
            assertTrue(status.equals("Filled") || status.equals("Cancelled"),
                    "no leg left working at the gateway: " + leg.order().orderRef() + " " + status);
        }
    }

    /** The closing orders placed for the trade (by the desk's close actions). */
    private List<Outbound.PlaceOrder> closingOrders(String id) {
        return gw.placedOrders().stream().filter(o -> o.order().orderRef().startsWith("cls-")).toList();
    }

    private void awaitGateway(int orderId, String status) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!status.equals(gw.statusOf(orderId))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("order " + orderId + " is " + gw.statusOf(orderId) + ", not " + status);
            }
            Thread.sleep(20);
        }
    }

    private static JsonNode find(JsonNode orders, String ref) {
        for (JsonNode o : orders.get("orders")) {
            if (o.get("order_ref").asText().equals(ref)) {
                return o;
            }
        }
        throw new AssertionError("no order " + ref + ": " + orders);
    }

    private static String bracketState(JsonNode orders, String ref) {
        for (JsonNode o : orders.get("orders")) {
            if (o.get("order_ref").asText().equals(ref)) {
                return o.get("bracket_state").asText();
            }
        }
        return "";
    }

    private JsonNode await(int port, String path, Predicate<JsonNode> done, String what) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        JsonNode last = call(port, "GET", path, 200);
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 60 s: " + what + "; last " + last);
            }
            Thread.sleep(100);
            last = call(port, "GET", path, 200);
        }
        return last;
    }

    private JsonNode call(int port, String method, String path, int status) throws Exception {
        return call(port, method, path, null, status);
    }

    private JsonNode call(int port, String method, String path, String body, int status) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, r.statusCode(), method + " " + path + " → " + r.body());
        return JSON.readTree(r.body());
    }
}
