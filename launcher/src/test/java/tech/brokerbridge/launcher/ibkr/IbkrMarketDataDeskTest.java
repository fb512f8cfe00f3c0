package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.msg.Inbound.ErrorMessage;
import tech.brokerbridge.ibkr.internal.msg.Outbound;

/**
 * Issue 13's data errors and delayed data, and 10.5 at IB, through the real desk and its HTTP API
 * against a fake IB Gateway: each data error is a decision with its name and a line in health; the
 * fall back to delayed data is used and said so on the proposal; an approval outside the session
 * waits for the open, sent with a time in force that lasts until then and never outside regular hours.
 */
class IbkrMarketDataDeskTest extends OnFakeGateway {
    private static final LocalDate LAST_BAR = LocalDate.of(2026, 11, 26);


    @BeforeEach
    void gateway() throws Exception {
        Map<String, Integer> contracts = Map.of("NVDA", 4815747, "AMD", 4391, "META", 107113386, "TSLA", 76792991);
        contracts.forEach(gw.contracts::put);
        for (String s : List.of("AAPL", "MSFT", "NVDA", "AMD", "META", "TSLA")) {
            gw.bars.put(s, BreakoutBars.ending(LAST_BAR, 300, 100.0 + s.length()));
        }
        gw.start();
    }

    @Test
    void eachDataErrorIsADecisionWithItsNameAndALineInHealth() throws Exception {
        gw.historicalErrors.put("NVDA", new ErrorMessage(-1, 162,
                "Historical Market Data Service error message:No market data permissions for NASDAQ STK", ""));
        gw.historicalErrors.put("AMD", new ErrorMessage(-1, 162,
                "Historical Market Data Service error message:API historical data query cancelled: pacing violation",
                ""));
        gw.permissions.put("META", FakeGateway.Permission.NONE); // bars fine, no live or delayed quotes
        desk = IbkrDesk.start(home, gw.port(), "AAPL,NVDA,AMD,META,ZZZZ", Map.of("max_ai_candidates", "5"));
        desk.awaitBrokerConnected();

        Map<String, JsonNode> d = IbkrDesk.decisionsBySymbol(desk.post("/api/scan", ""));
        assertEquals("no_market_data_permission", d.get("NVDA").get("outcome").asText(), d.toString());
        assertTrue(d.get("NVDA").get("reason").asText().contains("IB 162"), d.get("NVDA").toString());
        assertEquals("pacing_violation", d.get("AMD").get("outcome").asText());
        assertEquals("unknown_symbol", d.get("ZZZZ").get("outcome").asText());
        assertEquals("delayed_data_not_subscribed", d.get("META").get("outcome").asText());
        assertTrue(d.get("META").get("reason").asText().contains("10168"), d.get("META").toString());
        assertEquals("proposed", d.get("AAPL").get("outcome").asText());

        JsonNode health = desk.get("/api/health").get("market_data");
        assertEquals("ibkr", health.get("source").asText());
        assertFalse(health.get("simulated").asBoolean());
        List<String> problems = new ArrayList<>();
        health.get("problems").forEach(p -> problems.add(p.asText()));
        assertEquals(4, problems.size(), problems.toString());
        for (String expected : List.of("AMD [pacing_violation]", "META [delayed_data_not_subscribed]",
                "NVDA [no_market_data_permission]", "ZZZZ [unknown_symbol]")) {
            assertTrue(problems.stream().anyMatch(p -> p.startsWith(expected)), expected + " in " + problems);
        }
    }

    @Test
    void theDelayedDataFallbackIsUsedAndSaidSo() throws Exception {
        gw.permissions.put("AAPL", FakeGateway.Permission.DELAYED_ONLY);
        desk = IbkrDesk.start(home, gw.port(), "AAPL");
        desk.awaitBrokerConnected();
        desk.post("/api/scan", "");
        JsonNode p = desk.pendingBySymbol().get("AAPL");
        JsonNode md = p.get("market_data");
        assertEquals("ibkr", md.get("source").asText());
        assertTrue(md.get("delayed").asBoolean(), p.toString());
        assertEquals("delayed", md.get("freshness").asText());
        assertTrue(p.get("history").get(0).get("reason").asText().contains("(ibkr, delayed)"), p.toString());
        assertEquals("AAPL", desk.get("/api/health").get("market_data").get("delayed").get(0).asText());
        assertTrue(gw.received.stream().anyMatch(m -> m instanceof Outbound.ReqMarketDataType t && t.type() == 3),
                "reqMarketDataType 3 was asked");
    }

    @Test
    void anApprovalOnASundayIsSentToWaitForTheOpenNeverOutsideRegularHours() throws Exception {
        Instant sunday = Instant.parse("2026-11-29T18:00:00Z");
        desk = IbkrDesk.start(home, gw.port(), "AAPL", Map.of(), sunday);
        desk.awaitBrokerConnected();
        desk.post("/api/scan", "");
        String id = desk.pendingBySymbol().get("AAPL").get("proposal_id").asText();
        JsonNode approved = desk.post("/api/proposals/" + id + "/approve", "{}");
        assertEquals("executing", approved.get("status").asText());
        JsonNode last = approved.get("history").get(approved.get("history").size() - 1);
        assertTrue(last.get("reason").asText().contains("waiting for the market to open (regular session opens"
                + " 2026-11-30T14:30:00Z)"), last.toString());
        List<Outbound.PlaceOrder> legs = IbkrDesk.placed(gw, id);
        assertEquals("GTD", legs.get(0).order().tif(), "the entry survives to the open");
        assertEquals("20261130-21:00:00", legs.get(0).order().goodTillDate(), "until Monday's close");
        assertTrue(legs.stream().noneMatch(l -> l.order().outsideRth()), "outsideRth off");
    }
}
