package tech.brokerbridge.launcher.trades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.launcher.trades.TradeLifecycleTest.leg;
import static tech.brokerbridge.launcher.trades.TradeLifecycleTest.stateOf;
import static tech.brokerbridge.launcher.trades.TradeLifecycleTest.warnings;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kill-switch story on the paper broker, through the HTTP API: a short is filled, another
 * bracket still waits for its entry, and the user engages the kill switch with
 * {@code cancel_open_orders:true}. The waiting bracket is cancelled; the short keeps its stop and
 * target, {@code /api/orders} and {@code /api/positions} say it is open and protected, and after the
 * switch is released the stop still takes the short out when the price reaches it. Flatten needs its
 * confirmation.
 */
class KillSwitchScenarioTest {
    @TempDir
    Path home;

    @Test
    void cancelOpenOrdersCancelsTheWaitingBracketAndTheFilledShortKeepsItsStop() throws Exception {
        try (PaperDesk desk = PaperDesk.start(home)) {
            List<JsonNode> pending = desk.scanForProposals();
            JsonNode shortOne = pending.stream().filter(p -> p.get("direction").asText().equals("short")).findFirst()
                    .orElseThrow(() -> new AssertionError("the scan proposes a short: " + pending));
            JsonNode other = pending.stream().filter(p -> p != shortOne).findFirst().orElseThrow();
            String s = shortOne.get("proposal_id").asText();
            String o = other.get("proposal_id").asText();
            String symbol = shortOne.get("symbol").asText();
            desk.marketTradesAt(other.get("symbol").asText(), away(other)); // it stays unfilled
            desk.marketTradesAt(symbol, away(shortOne));
            desk.post("/api/proposals/" + s + "/approve", "");
            desk.post("/api/proposals/" + o + "/approve", "");
            desk.marketTradesAt(symbol, shortOne.get("entry_price").asDouble());
            desk.await("/api/orders?limit=100", x -> stateOf(x, s).equals("open"), "the short filled");
            assertEquals("working", stateOf(desk.get("/api/orders?limit=100"), o));

            JsonNode engaged = desk.post("/api/kill-switch", "{\"cancel_open_orders\":true,\"reason\":\"new user\"}");
            assertEquals(List.of(o), List.of(engaged.get("cancelled_orders").get(0).asText()));
            assertEquals(1, engaged.get("cancelled_orders").size());
            assertEquals(3, engaged.get("cancelled_order_legs").asInt());
            desk.await("/api/orders?limit=100", x -> stateOf(x, o).equals("cancelled"), "the waiting bracket cancelled");

            JsonNode order = desk.order(s);
            assertEquals("open", order.get("bracket_state").asText());
            assertEquals("entry_filled", order.get("state").asText());
            assertEquals("working", leg(order, "stop_loss").get("state").asText(), "the short keeps its stop");
            assertEquals("working", leg(order, "take_profit").get("state").asText(), "and its target");
            JsonNode position = desk.get("/api/positions").get("positions").get(0);
            assertTrue(position.get("quantity").asLong() < 0, position.toString());
            assertEquals("protected", position.get("protection").asText());
            assertEquals(List.of(), warnings(desk.get("/api/health")));

            desk.call("POST", "/api/kill-switch", "{\"flatten\":true}", Optional.empty(), 422);
            desk.call("DELETE", "/api/kill-switch", "", Optional.empty(), 200);
            assertEquals("working", leg(desk.order(s), "stop_loss").get("state").asText(), "still there after release");

            desk.marketTradesAt(symbol, shortOne.get("stop_price").asDouble() + 0.05);
            desk.await("/api/trades?from=2026-11-27&to=2026-11-27", t -> t.get("trades").size() == 1,
                    "the stop took the short out");
            JsonNode trade = desk.get("/api/trades?from=2026-11-27&to=2026-11-27").get("trades").get(0);
            assertEquals(s, trade.get("trade_id").asText());
            assertEquals("stop", trade.get("exit_reason").asText());
            assertTrue(trade.get("realized_pnl").asDouble() < 0, trade.toString());
            assertFalse(desk.get("/api/positions").get("positions").elements().hasNext());
        }
    }

    /** A price 5 % on the far side of the proposal's entry: its limit entry does not fill there. */
    private static double away(JsonNode p) {
        double factor = p.get("direction").asText().equals("long") ? 1.05 : 0.95;
        return Math.round(p.get("entry_price").asDouble() * factor * 100) / 100.0;
    }
}
