package tech.brokerbridge.http.internal.routes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.http.internal.web.ApiResponse;
import tech.brokerbridge.http.testing.StubDesk;
import tech.brokerbridge.http.testing.StubPositions;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.market.Direction;

/** The routes that look after open trades, called directly on the real route table over a stub desk. */
class PositionRoutesTest {
    private final RouteCalls c = new RouteCalls();

    @Test
    void positionsShowTheirLegsAndProtection() {
        OrderView stop = new OrderView("102", StubDesk.ID, OrderLeg.STOP_LOSS, "AAPL", Direction.LONG, 10, 175.0,
                OrderState.WORKING, 0, 0);
        c.desk.trades.positions = List.of(new PositionView("AAPL", -10, 180.0, 181.25, -12.5, Optional.of(StubDesk.ID),
                Optional.of(StubDesk.ID), List.of(stop), PositionView.Protection.UNPROTECTED, 10));
        JsonNode p = RouteCalls.json(c.call("GET", "/api/positions", null)).get("positions").get(0);
        assertEquals("short", p.get("direction").asText());
        assertEquals("unprotected", p.get("protection").asText());
        assertEquals(10, p.get("unprotected_quantity").asLong());
        assertTrue(p.get("warning").asText().contains("rearm-stop"), p.toString());
        assertEquals("stop_loss", p.get("legs").get(0).get("leg").asText());
        assertEquals(175.0, p.get("legs").get(0).get("price").asDouble());
        assertTrue(p.get("legs").get(0).get("trailing").isNull());
    }

    @Test
    void aCloseTakesQuantityLimitReasonAndTheIdempotencyKey() {
        ApiResponse r = c.call("POST", "/api/positions/AAPL/close",
                "{\"quantity\":5,\"limit_price\":181.5,\"reason\":\" half \"}", Optional.of("retry-7"));
        assertEquals(200, r.status());
        CloseRequest sent = assertInstanceOf(CloseRequest.class, c.desk.trades.requests.get(0));
        assertEquals(OptionalLong.of(5), sent.quantity());
        assertEquals(OptionalDouble.of(181.5), sent.limitPrice());
        assertEquals(new ActionOptions(Optional.of("half"), Optional.of("retry-7")), sent.options());
        JsonNode a = RouteCalls.json(r);
        assertEquals("close", a.get("kind").asText());
        assertEquals("done", a.get("state").asText());
        assertEquals("cls-0123456789ab", a.get("placed_ref").asText());
        assertEquals("4711", a.get("broker_order_id").asText());
        assertEquals(false, a.get("replayed").asBoolean());
    }

    @Test
    void badRequestsAreRefusedBeforeTheDeskSeesThem() {
        assertEquals(422, c.call("POST", "/api/positions/AAPL/close", "{\"quantity\":0}").status());
        assertEquals(422, c.call("POST", "/api/positions/AAPL/close", "{\"limit_price\":-1}").status());
        assertEquals(400, c.call("POST", "/api/positions/AAPL/close", "{\"qty\":1}").status());
        assertEquals(404, c.call("POST", "/api/positions/aapl;rm/close", null).status());
        assertEquals(400, c.call("POST", "/api/positions/AAPL/close", null, Optional.of("bad key")).status());
        assertEquals(404, c.call("POST", "/api/orders/nope/cancel", null).status());
        assertEquals(422, c.call("POST", "/api/orders/" + StubDesk.ID + "/modify", "{\"trailing_percent\":100}")
                .status());
        assertEquals(422, c.call("POST", "/api/orders/" + StubDesk.ID + "/modify", "{\"trailing_amount\":0}")
                .status());
        assertTrue(c.desk.trades.requests.isEmpty(), "nothing reached the desk: " + c.desk.trades.requests);
    }

    @Test
    void aModifyCarriesEveryKindOfChange() {
        assertEquals(200, c.call("POST", "/api/orders/" + StubDesk.ID + "/modify",
                "{\"stop_to_breakeven\":true,\"target_price\":199.5}").status());
        ModifyRequest m = assertInstanceOf(ModifyRequest.class, c.desk.trades.requests.get(0));
        assertTrue(m.stopToBreakeven());
        assertEquals(OptionalDouble.of(199.5), m.targetPrice());
        c.call("POST", "/api/orders/" + StubDesk.ID + "/modify", "{\"trailing_percent\":2.5}");
        assertEquals(OptionalDouble.of(2.5), ((ModifyRequest) c.desk.trades.requests.get(1)).trailingPercent());
        c.call("POST", "/api/orders/" + StubDesk.ID + "/modify", "{\"trailing_amount\":1.25}");
        assertEquals(OptionalDouble.of(1.25), ((ModifyRequest) c.desk.trades.requests.get(2)).trailingAmount());
    }

    @Test
    void outcomesMapToStatuses() {
        TradeAction done = StubPositions.action(StubDesk.ID, "cancel");
        c.desk.trades.onAction = (t, q) -> new TradeActionResult.Done(done.with(TradeAction.State.REQUESTED,
                Optional.empty(), "outcome unknown", done.updatedAt()), false);
        assertEquals(202, c.call("POST", "/api/orders/" + StubDesk.ID + "/cancel", null).status());
        c.desk.trades.onAction = (t, q) -> new TradeActionResult.Done(done.with(TradeAction.State.REFUSED,
                Optional.empty(), "refused by ibkr: IB 201", done.updatedAt()), true);
        ApiResponse refused = c.call("POST", "/api/orders/" + StubDesk.ID + "/cancel", null);
        assertEquals(409, refused.status());
        JsonNode e = RouteCalls.json(refused).get("error");
        assertEquals("action_refused", e.get("code").asText());
        assertEquals("refused", e.get("action").get("state").asText());
        c.desk.trades.onAction = (t, q) -> new TradeActionResult.GatesFailed(List.of(new GateResult("stop_side", false,
                Map.of("stop", 181.0), "stop 181.00 is not below the last price")));
        ApiResponse gates = c.call("POST", "/api/orders/" + StubDesk.ID + "/modify", "{\"stop_price\":181}");
        assertEquals(422, gates.status());
        assertEquals("stop_side", RouteCalls.json(gates).get("error").get("gates").get(0).get("gate").asText());
        c.desk.trades.onAction = (t, q) -> new TradeActionResult.NotFound("no open position in MSFT");
        assertEquals(404, c.call("POST", "/api/positions/MSFT/rearm-stop", null).status());
        c.desk.trades.onAction = (t, q) -> new TradeActionResult.Conflict("kill switch engaged: x; widening a stop");
        assertEquals(409, c.call("POST", "/api/orders/" + StubDesk.ID + "/modify", "{\"stop_price\":1}").status());
    }

    @Test
    void flattenNeedsItsConfirmation() {
        assertEquals(422, c.call("POST", "/api/kill-switch", "{\"flatten\":true}").status());
        assertEquals(422, c.call("POST", "/api/kill-switch", "{\"flatten\":true,\"confirm\":\"yes\"}").status());
        assertTrue(c.desk.trades.requests.isEmpty());
        assertEquals(200, c.call("POST", "/api/kill-switch", "{\"flatten\":true,\"confirm\":\"FLATTEN\"}").status());
        KillSwitchRequest k = assertInstanceOf(KillSwitchRequest.class, c.desk.trades.requests.get(0));
        assertTrue(k.flatten());
    }

    @Test
    void closedTradesByDateAsJsonAndSpreadsheetSafeCsvAndTheSummary() {
        ClosedTrade t = new ClosedTrade(StubDesk.ID, Optional.of(StubDesk.ID), "AAPL", Direction.LONG, "=breakout",
                "claude", 10, Instant.parse("2026-03-01T15:00:00Z"), 180.0, Instant.parse("2026-03-02T15:00:00Z"),
                183.333333333, 33.33333333, 2.0, 50.0, ClosedTrade.ExitReason.CLOSE);
        c.desk.trades.closed = List.of(t);
        JsonNode list = RouteCalls.json(c.call("GET", "/api/trades?from=2026-03-02&to=2026-03-02", null));
        assertEquals("2026-03-02", list.get("from").asText());
        JsonNode trade = list.get("trades").get(0);
        assertEquals(31.33, trade.get("realized_pnl").asDouble());
        assertEquals(0.6267, trade.get("r_multiple").asDouble());
        assertEquals(86400, trade.get("holding_seconds").asLong());
        assertEquals(0, RouteCalls.json(c.call("GET", "/api/trades?from=2026-03-03&to=2026-03-05", null)).get("trades").size());
        assertEquals(422, c.call("GET", "/api/trades?from=2026-03-03&to=2026-03-01", null).status());
        assertEquals(400, c.call("GET", "/api/trades?from=yesterday", null).status());
        String csv = RouteCalls.text(c.call("GET", "/api/trades.csv?from=2026-03-01", null));
        assertTrue(csv.startsWith(TradesCsv.HEADER + "\r\n"), csv);
        assertTrue(csv.contains(",'=breakout,claude,10,"), "a formula-looking cell is defused: " + csv);
        assertTrue(csv.contains(",183.33,33.33,2.0,31.33,50.0,0.6267,86400,close\r\n"), csv);
        JsonNode s = RouteCalls.json(c.call("GET", "/api/trades/summary", null));
        assertEquals(0, s.get("all_time").get("trades").asInt());
        assertTrue(s.get("all_time").get("average_r").isNull());
    }
}
