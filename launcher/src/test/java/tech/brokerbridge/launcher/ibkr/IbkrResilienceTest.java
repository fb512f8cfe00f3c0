package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.internal.msg.Outbound;

/**
 * The desk and an IB Gateway that is not always there: the connection drops mid-bracket and the
 * gateway restarts, yet no order is ever sent twice; and a desk started before its gateway turns
 * connected by itself once the gateway comes up. Real reconnect backoff (1 s doubling, with
 * jitter), so each test takes a few seconds; every wait is a bounded upper limit.
 */
class IbkrResilienceTest extends OnFakeGateway {
    @Test
    void aDropMidBracketAndAGatewayRestartNeverDuplicateAnOrder() throws Exception {
        gw.bars.put("AAPL", BreakoutBars.ending(LocalDate.of(2026, 11, 26), 300, 150.0));
        gw.start();
        desk = IbkrDesk.start(home, gw.port(), "AAPL");
        desk.awaitBrokerConnected();
        desk.post("/api/scan", "");
        JsonNode proposal = desk.get("/api/proposals?status=pending").get("proposals").get(0);
        String id = proposal.get("proposal_id").asText();
        double entry = proposal.get("entry_price").asDouble();

        // the whole bracket reaches the gateway (transmitted), then the connection drops before any answer
        gw.dropAfterPlaceOrder = 3;
        JsonNode approved = desk.post("/api/proposals/" + id + "/approve", "{}");
        assertEquals("executing", approved.get("status").asText(), "outcome unknown: executing, to be reconciled");
        assertEquals(3, IbkrDesk.placed(gw, id).size());

        // the desk reconnects, reconciles, and learns the bracket from the gateway's open orders
        IbkrDesk.awaitSessions(gw, 2);
        desk.awaitBrokerConnected();
        desk.await("/api/orders", o -> state(o, id).equals("accepted"), "the bracket found at the gateway");

        // a gateway restart: the desk reconnects again; the order state survives at the gateway
        gw.restart();
        IbkrDesk.awaitSessions(gw, 3);
        desk.awaitBrokerConnected();

        // the entry fills after all that: the proposal is executed
        gw.marketTradesAt("AAPL", entry);
        JsonNode executed = desk.awaitStatus(id, "executed");
        List<String> path = new ArrayList<>();
        executed.get("history").forEach(h -> path.add(h.get("to").asText()));
        assertEquals(List.of("pending", "approved", "executing", "executed"), path);
        desk.await("/api/orders", o -> state(o, id).equals("entry_filled"), "the order entry_filled");

        assertEquals(3, IbkrDesk.placed(gw, id).size(), "no placeOrder for this orderRef after the drop");
        assertEquals(3, gw.placedOrders().size(), "no placeOrder at all after the drop");
        assertEquals(3, gw.ordersWithRef(id), "exactly one bracket with this ref at the gateway");
        assertEquals(List.of(IbkrDesk.CLIENT_ID, IbkrDesk.CLIENT_ID, IbkrDesk.CLIENT_ID), startApis().stream()
                .map(Outbound.StartApi::clientId).toList());
        // every session reconciled open orders and executions first
        for (List<Outbound> session : sessions()) {
            assertTrue(session.stream().anyMatch(Outbound.ReqAllOpenOrders.class::isInstance), session.toString());
            assertTrue(session.stream().anyMatch(Outbound.ReqExecutions.class::isInstance), session.toString());
        }
    }

    @Test
    void aDeskStartedBeforeItsGatewayConnectsWhenTheGatewayComesUp() throws Exception {
        gw.start();
        int port = gw.port();
        gw.stop(); // the port is known, nobody listens
        desk = IbkrDesk.start(home, port, "AAPL", Map.of("ibkr.request_timeout_seconds", "1"));

        JsonNode down = desk.await("/api/health", h -> h.get("services").get("broker").get("message").asText()
                .contains("retrying"), "a failed attempt reported").get("services").get("broker");
        assertFalse(down.get("connected").asBoolean(), down.toString());
        assertEquals("ibkr", down.get("name").asText());
        assertTrue(down.get("message").asText().startsWith("disconnected: "), down.toString());
        // the desk serves meanwhile; what needs the broker says so within the request timeout
        assertEquals(200, desk.raw("/api/proposals").statusCode());
        HttpResponse<String> portfolio = desk.raw("/api/portfolio");
        assertEquals(503, portfolio.statusCode(), portfolio.body());

        gw.start();
        JsonNode up = desk.awaitBrokerConnected();
        assertTrue(up.get("message").asText().startsWith("connected to IB Gateway"), up.toString());
        assertEquals(100000.0, desk.get("/api/portfolio").get("account").get("net_liquidation").asDouble());
        assertEquals(1, gw.connectedVersions.size());
    }

    private static String state(JsonNode orders, String ref) {
        for (JsonNode o : orders.get("orders")) {
            if (o.get("order_ref").asText().equals(ref)) {
                return o.get("state").asText();
            }
        }
        return "";
    }

    private List<Outbound.StartApi> startApis() {
        return gw.received.stream().filter(Outbound.StartApi.class::isInstance).map(Outbound.StartApi.class::cast)
                .toList();
    }

    /** The gateway's log cut at each startApi: what each session sent. */
    private List<List<Outbound>> sessions() {
        List<List<Outbound>> out = new ArrayList<>();
        for (Outbound m : List.copyOf(gw.received)) {
            if (m instanceof Outbound.StartApi) {
                out.add(new ArrayList<>());
            }
            out.get(out.size() - 1).add(m);
        }
        return out;
    }
}
