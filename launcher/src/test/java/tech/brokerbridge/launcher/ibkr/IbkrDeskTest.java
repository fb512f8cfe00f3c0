package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.msg.Inbound.HistoricalBar;
import tech.brokerbridge.ibkr.internal.msg.Outbound;

/**
 * Issue 5's "done when", through the real desk and its HTTP API with {@code BROKERBRIDGE_BROKER=ibkr}
 * pointed at a fake IB Gateway speaking the TWS socket protocol on loopback: the desk shows the
 * gateway account's portfolio, scans on the gateway's historical bars, executes an approved
 * proposal as a bracket, and turns IB's rejection into a failed proposal with IB's reason.
 */
class IbkrDeskTest extends OnFakeGateway {
    /** The last completed session before {@link IbkrDesk#NOW}. */
    private static final LocalDate LAST_BAR = LocalDate.of(2026, 11, 26);
    private static final Map<String, Integer> CONTRACTS = Map.of("AAPL", 265598, "NVDA", 4815747, "AMD", 4391);
    private static final Map<String, Double> STARTS = Map.of("AAPL", 150.0, "NVDA", 120.0, "AMD", 90.0);
    /** ZZZZ is not a contract the gateway knows. */
    private static final String WATCHLIST = "AAPL,NVDA,AMD,ZZZZ";

    private final Map<String, List<HistoricalBar>> bars = new LinkedHashMap<>();

    @BeforeEach
    void gatewayWithBars() throws Exception {
        CONTRACTS.forEach(gw.contracts::put);
        for (String symbol : List.of("AAPL", "NVDA", "AMD")) {
            bars.put(symbol, BreakoutBars.ending(LAST_BAR, 300, STARTS.get(symbol)));
            gw.bars.put(symbol, bars.get(symbol));
        }
        gw.start();
    }

    @Test
    void thePortfolioIsTheGatewayAccountsAndHealthSaysConnected() throws Exception {
        gw.accountSummary.putAll(Map.of("NetLiquidation", "250000.00", "TotalCashValue", "120000.50",
                "BuyingPower", "480000.00", "AvailableFunds", "118000.25"));
        gw.unrealizedPnl = 575.0;
        gw.realizedPnl = 12.5;
        gw.dailyPnl = 210.0;
        gw.holdings.clear();
        gw.holdings.add(new FakeGateway.Holding("MSFT", 272093, 40, 300.0, 312.5, 500.0, 0.0));
        gw.holdings.add(new FakeGateway.Holding("AAPL", 265598, -15, 190.0, 185.0, 75.0, 12.5));
        desk = IbkrDesk.start(home, gw.port(), WATCHLIST);

        JsonNode broker = desk.awaitBrokerConnected();
        assertEquals("ibkr", broker.get("name").asText());
        assertTrue(broker.get("message").asText().contains("connected to IB Gateway (server version 176)"),
                broker.toString());
        Outbound.StartApi start = (Outbound.StartApi) gw.received.stream()
                .filter(Outbound.StartApi.class::isInstance).findFirst().orElseThrow();
        assertEquals(IbkrDesk.CLIENT_ID, start.clientId(), "ibkr.client_id reaches the gateway");

        // daily P&L comes from IB's P&L subscription, which answers just after the session is ready
        JsonNode portfolio = desk.await("/api/portfolio",
                p -> p.get("account").get("daily_pnl").asDouble() == 210.0, "IB's daily P&L");
        assertEquals("ibkr", portfolio.get("broker").asText());
        JsonNode account = portfolio.get("account");
        assertEquals("USD", account.get("currency").asText());
        assertEquals(250000.00, account.get("net_liquidation").asDouble());
        assertEquals(120000.50, account.get("cash").asDouble());
        assertEquals(480000.00, account.get("buying_power").asDouble());
        assertEquals(118000.25, account.get("available_funds").asDouble());
        assertEquals(575.0, account.get("unrealized_pnl").asDouble());
        assertEquals(12.5, account.get("realized_pnl_today").asDouble());
        assertEquals(IbkrDesk.NOW.toString(), account.get("as_of").asText());

        Map<String, JsonNode> positions = new LinkedHashMap<>();
        portfolio.get("positions").forEach(p -> positions.put(p.get("symbol").asText(), p));
        assertEquals(List.of("MSFT", "AAPL"), new ArrayList<>(positions.keySet()));
        JsonNode msft = positions.get("MSFT");
        assertEquals(40, msft.get("quantity").asLong());
        assertEquals(300.0, msft.get("average_cost").asDouble());
        assertEquals(312.5, msft.get("market_price").asDouble());
        assertEquals(12500.0, msft.get("market_value").asDouble(), 1e-9);
        assertEquals(500.0, msft.get("unrealized_pnl").asDouble());
        assertEquals(0.0, msft.get("realized_pnl").asDouble());
        JsonNode aapl = positions.get("AAPL");
        assertEquals(-15, aapl.get("quantity").asLong());
        assertEquals(185.0, aapl.get("market_price").asDouble());
        assertEquals(75.0, aapl.get("unrealized_pnl").asDouble());
        assertEquals(12.5, aapl.get("realized_pnl").asDouble());
    }

    @Test
    void aScanOnTheGatewaysBarsProposesAndAnApprovalIsSentAsABracketThatFills() throws Exception {
        gw.behaviour.put("AAPL", FakeGateway.Behaviour.FILL_ENTRY);
        desk = IbkrDesk.start(home, gw.port(), WATCHLIST);
        desk.awaitBrokerConnected();

        JsonNode scan = desk.post("/api/scan", "");
        assertEquals(3, scan.get("symbols_scanned").asInt(), scan.toString());
        assertEquals(1, scan.get("errors").size(), scan.toString());
        String error = scan.get("errors").get(0).asText();
        assertTrue(error.startsWith("ZZZZ: unknown symbol") && error.contains("200"), error);
        // one year of daily bars per symbol, asked of the gateway
        List<Outbound.ReqHistoricalData> asked = gw.received.stream().filter(Outbound.ReqHistoricalData.class::isInstance)
                .map(Outbound.ReqHistoricalData.class::cast).toList();
        assertEquals(List.of("AAPL", "NVDA", "AMD", "ZZZZ"), asked.stream().map(r -> r.contract().symbol()).toList());
        for (Outbound.ReqHistoricalData r : asked) {
            assertEquals("1 Y", r.duration());
            assertEquals("1 day", r.barSize());
            assertEquals("TRADES", r.whatToShow());
        }

        Map<String, JsonNode> proposals = pendingBySymbol();
        assertEquals(List.of("AAPL", "AMD", "NVDA"), proposals.keySet().stream().sorted().toList(),
                "each symbol's breakout is proposed: " + scan);
        for (var e : proposals.entrySet()) {
            JsonNode p = e.getValue();
            assertEquals("breakout", p.get("setup_type").asText());
            assertEquals("long", p.get("direction").asText());
            // the entry is the last close the gateway served for that symbol
            assertEquals(BreakoutBars.lastClose(bars.get(e.getKey())), p.get("entry_price").asDouble(), 1e-9);
        }

        JsonNode proposal = proposals.get("AAPL");
        String id = proposal.get("proposal_id").asText();
        long quantity = proposal.get("quantity").asLong();
        assertTrue(quantity > 0, proposal.toString());
        JsonNode approved = desk.post("/api/proposals/" + id + "/approve", "{}");
        assertTrue(List.of("executing", "executed").contains(approved.get("status").asText()), approved.toString());

        List<Outbound.PlaceOrder> legs = IbkrDesk.placed(gw, id);
        assertEquals(3, legs.size(), "one bracket: entry, stop, target");
        Outbound.PlaceOrder entry = legs.get(0);
        Outbound.PlaceOrder stop = legs.get(1);
        Outbound.PlaceOrder target = legs.get(2);
        assertEquals(List.of("LMT", "STP", "LMT"), legs.stream().map(l -> l.order().orderType()).toList());
        assertEquals(List.of("BUY", "SELL", "SELL"), legs.stream().map(l -> l.order().action()).toList());
        assertEquals(List.of(false, false, true), legs.stream().map(l -> l.order().transmit()).toList(),
                "only the last leg transmits the group");
        assertEquals(List.of(0, entry.orderId(), entry.orderId()), legs.stream().map(l -> l.order().parentId()).toList());
        assertEquals(proposal.get("entry_price").asDouble(), entry.order().lmtPrice(), 1e-9);
        assertEquals(proposal.get("stop_price").asDouble(), stop.order().auxPrice(), 1e-9);
        assertEquals(proposal.get("target_price").asDouble(), target.order().lmtPrice(), 1e-9);
        for (Outbound.PlaceOrder leg : legs) {
            assertEquals("AAPL", leg.contract().symbol());
            assertEquals((double) quantity, leg.order().totalQuantity());
            assertEquals("DU1234567", leg.order().account());
        }

        JsonNode executed = desk.awaitStatus(id, "executed");
        assertTrue(lastReason(executed).contains("entry filled at " + entry.order().lmtPrice()), executed.toString());
        JsonNode record = find(desk.await("/api/orders", o -> find(o, id) != null && find(o, id).get("state")
                .asText().equals("entry_filled"), "the order entry_filled"), id);
        assertEquals("AAPL", record.get("symbol").asText(), record.toString());
        assertEquals(quantity, record.get("quantity").asLong());
        assertEquals(legs.stream().map(l -> Integer.toString(l.orderId())).toList(),
                List.of(record.get("broker_order_ids").get(0).asText(), record.get("broker_order_ids").get(1).asText(),
                        record.get("broker_order_ids").get(2).asText()));
        // the fill opened the position at the gateway, and the portfolio shows it
        JsonNode position = null;
        for (JsonNode p : desk.get("/api/portfolio").get("positions")) {
            if (p.get("symbol").asText().equals("AAPL")) {
                position = p;
            }
        }
        assertTrue(position != null && position.get("quantity").asLong() == quantity, String.valueOf(position));
        assertEquals(3, IbkrDesk.placed(gw, id).size(), "nothing was sent twice");
    }

    @Test
    void anIbRejectionFailsTheProposalWithIbsReason() throws Exception {
        gw.behaviour.put("NVDA", FakeGateway.Behaviour.REJECT);
        gw.rejectReason = "Order rejected - reason:YOUR ORDER IS NOT ACCEPTED. IN ORDER TO OBTAIN THE DESIRED"
                + " POSITION YOUR EQUITY WITH LOAN VALUE [1000.00 USD] MUST EXCEED THE INITIAL MARGIN";
        desk = IbkrDesk.start(home, gw.port(), WATCHLIST);
        desk.awaitBrokerConnected();
        desk.post("/api/scan", "");
        String id = pendingBySymbol().get("NVDA").get("proposal_id").asText();

        desk.post("/api/proposals/" + id + "/approve", "{}");
        JsonNode failed = desk.awaitStatus(id, "failed");
        String why = lastReason(failed);
        assertTrue(why.contains("201") && why.contains("YOUR ORDER IS NOT ACCEPTED"), why);
        assertFalse(failed.get("history").toString().contains("\"to\":\"executed\""), failed.toString());
        JsonNode record = desk.await("/api/orders", o -> find(o, id) != null
                && find(o, id).get("state").asText().equals("rejected"), "the order rejected");
        assertTrue(find(record, id).get("message").asText().contains("201"), record.toString());
        assertEquals(3, IbkrDesk.placed(gw, id).size(), "a rejection is not retried");
    }

    private Map<String, JsonNode> pendingBySymbol() throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        desk.get("/api/proposals?status=pending&limit=100").get("proposals")
                .forEach(p -> out.put(p.get("symbol").asText(), p));
        return out;
    }

    private static String lastReason(JsonNode proposal) {
        JsonNode history = proposal.get("history");
        return history.get(history.size() - 1).get("reason").asText();
    }

    private static JsonNode find(JsonNode orders, String ref) {
        for (JsonNode o : orders.get("orders")) {
            if (o.get("order_ref").asText().equals(ref)) {
                return o;
            }
        }
        return null;
    }
}
