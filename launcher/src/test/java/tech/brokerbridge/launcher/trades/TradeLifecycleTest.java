package tech.brokerbridge.launcher.trades;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12's desk-level proof on the paper broker, through the real HTTP API: a proposal is approved,
 * its entry fills, the stop moves to breakeven, half the position is closed (a retry of that close
 * with its key closes nothing more), then the rest. Afterwards the journal (orders, approvals CSV),
 * the closed trade, its CSV row and the summary all agree with the broker's account: the cash the
 * round trip made is the trade's realized P&amp;L after commissions.
 */
class TradeLifecycleTest {
    @TempDir
    Path home;

    @Test
    void approveFillBreakevenCloseHalfCloseTheRestAndEveryRecordAgreesWithTheAccount() throws Exception {
        try (PaperDesk desk = PaperDesk.start(home)) {
            JsonNode p = desk.scanForProposals().stream().filter(x -> x.get("quantity").asLong() >= 2).findFirst()
                    .orElseThrow(() -> new AssertionError("the scan proposes a trade of two shares or more"));
            String id = p.get("proposal_id").asText();
            String symbol = p.get("symbol").asText();
            int sign = p.get("direction").asText().equals("long") ? 1 : -1;
            double entry = p.get("entry_price").asDouble();
            double target = p.get("target_price").asDouble();
            long q = p.get("quantity").asLong();
            JsonNode before = desk.get("/api/portfolio").get("account");

            desk.post("/api/proposals/" + id + "/approve", "");
            desk.marketTradesAt(symbol, entry);
            desk.await("/api/orders?limit=100", o -> stateOf(o, id).equals("open"), "the entry filled");
            JsonNode position = desk.get("/api/positions").get("positions").get(0);
            assertEquals(sign * q, position.get("quantity").asLong());
            assertEquals("protected", position.get("protection").asText());

            desk.marketTradesAt(symbol, round(entry + 0.4 * (target - entry)));
            JsonNode be = desk.post("/api/orders/" + id + "/modify", "{\"stop_to_breakeven\":true}");
            assertEquals("done", be.get("state").asText(), be.toString());
            assertEquals(entry, leg(desk.order(id), "stop_loss").get("price").asDouble(), 1e-9, "the stop at breakeven");

            long half = q / 2;
            JsonNode first = desk.call("POST", "/api/positions/" + symbol + "/close", "{\"quantity\":" + half
                    + ",\"reason\":\"take half\"}", Optional.of("half-" + id), 200);
            assertEquals("done", first.get("state").asText(), first.toString());
            JsonNode retry = desk.call("POST", "/api/positions/" + symbol + "/close", "{\"quantity\":" + half
                    + ",\"reason\":\"take half\"}", Optional.of("half-" + id), 200);
            assertTrue(retry.get("replayed").asBoolean(), retry.toString());
            assertEquals(first.get("action_id"), retry.get("action_id"));
            assertEquals(sign * (q - half), desk.get("/api/positions").get("positions").get(0).get("quantity").asLong(),
                    "half closed, once");
            assertEquals(q - half, leg(desk.order(id), "stop_loss").get("quantity").asLong(), "the stop covers the rest");

            desk.marketTradesAt(symbol, round(entry + 0.6 * (target - entry)));
            JsonNode rest = desk.post("/api/positions/" + symbol + "/close", "{\"reason\":\"done\"}");
            assertEquals("done", rest.get("state").asText(), rest.toString());

            assertEquals(0, desk.get("/api/positions").get("positions").size());
            // the broker's events reach the journal right after its answers: wait (bounded) until they did
            JsonNode after = desk.get("/api/portfolio").get("account");
            double cashMade = after.get("cash").asDouble() - before.get("cash").asDouble();
            desk.await("/api/trades?from=2026-11-27&to=2026-11-27", t -> t.get("trades").size() == 1
                    && Math.abs(t.get("trades").get(0).get("realized_pnl").asDouble() - cashMade) < 0.011,
                    "the closed trade, every fill and commission recorded, agrees with the cash the account made");
            assertEquals(List.of(), warnings(desk.get("/api/health")));
            JsonNode order = desk.order(id);
            assertEquals("closed", order.get("state").asText());
            assertEquals("closed", order.get("bracket_state").asText());
            assertEquals("cancelled", leg(order, "stop_loss").get("state").asText(), "no orphan stop");
            assertEquals("cancelled", leg(order, "take_profit").get("state").asText(), "no orphan target");
            long closed = 0;
            for (JsonNode l : order.get("legs")) {
                if (l.get("leg").asText().equals("close")) {
                    assertEquals("filled", l.get("state").asText());
                    closed += l.get("filled_quantity").asLong();
                }
            }
            assertEquals(q, closed, "the two closes took every share out");

            JsonNode trade = desk.get("/api/trades?from=2026-11-27&to=2026-11-27").get("trades").get(0);
            assertEquals(id, trade.get("trade_id").asText());
            assertEquals(q, trade.get("quantity").asLong());
            assertEquals(entry, trade.get("entry_price").asDouble(), 1e-9);
            assertEquals("close", trade.get("exit_reason").asText());
            double realized = trade.get("realized_pnl").asDouble();
            assertEquals(trade.get("gross_pnl").asDouble() - trade.get("commissions").asDouble(), realized, 0.011);
            assertTrue(trade.get("commissions").asDouble() >= 3.0, "three executions, at least 1.00 each: " + trade);
            assertTrue(realized > 0, "both exits were in the trade's favour: " + trade);

            assertEquals(realized, after.get("cash").asDouble() - before.get("cash").asDouble(), 0.011,
                    "the account's cash moved by the trade's realized P&L");
            assertEquals(realized, after.get("net_liquidation").asDouble() - before.get("net_liquidation").asDouble(),
                    0.011);
            assertEquals(realized, after.get("realized_pnl_today").asDouble(), 0.011);
            JsonNode summary = desk.get("/api/trades/summary");
            assertEquals(1, summary.get("today").get("trades").asInt());
            assertEquals(realized, summary.get("all_time").get("realized_pnl").asDouble(), 0.011);
            assertEquals(1.0, summary.get("all_time").get("win_rate").asDouble(), 1e-9);
            assertEquals(1, summary.get("by_setup").get(p.get("setup_type").asText()).get("trades").asInt());
            assertEquals(1, summary.get("by_advisor").get("offline").get("trades").asInt());

            String csv = desk.text("/api/trades.csv?from=2026-11-27&to=2026-11-27");
            assertTrue(csv.contains(id + "," + id + "," + symbol + ","), csv);
            assertTrue(csv.contains("," + trade.get("realized_pnl").asText() + ","), csv);
            List<String> actions = new ArrayList<>();
            for (String line : desk.text("/api/journal/approvals.csv").split("\r\n")) {
                if (line.contains(id)) {
                    actions.add(line.split(",")[3]);
                }
            }
            assertEquals(List.of("approve", "modify_stop", "close", "close"), actions,
                    "every action in the approvals log, the retried close once");
            assertFalse(desk.text("/api/journal/approvals.csv").contains("take half,take half"));
        }
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }

    static String stateOf(JsonNode orders, String ref) {
        for (JsonNode o : orders.get("orders")) {
            if (o.get("order_ref").asText().equals(ref)) {
                return o.get("bracket_state").asText();
            }
        }
        return "";
    }

    static JsonNode leg(JsonNode order, String leg) {
        for (JsonNode l : order.get("legs")) {
            if (l.get("leg").asText().equals(leg)) {
                return l;
            }
        }
        throw new AssertionError("no " + leg + " leg: " + order);
    }

    static List<String> warnings(JsonNode health) {
        List<String> out = new ArrayList<>();
        health.get("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }
}
