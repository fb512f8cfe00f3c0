package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.msg.Outbound;

/**
 * Issue 13's paper trading on real prices and 10.4/10.5, through the real desk and its HTTP API: the
 * desk's own paper account on IB Gateway's prices (orders never reach the gateway) or on a folder of
 * CSV daily bars, the source named in health, scans and proposals; simulated prices said so and
 * unknown symbols refused; a paper entry approved on a Sunday waits for the open.
 */
class PaperPricesDeskTest extends OnFakeGateway {
    private static final LocalDate LAST_BAR = LocalDate.of(2026, 11, 26);


    private IbkrDesk paperDesk(String watchlist, Map<String, String> more, Instant now) throws Exception {
        gw.start();
        Map<String, String> flags = new java.util.HashMap<>(Map.of("broker.kind", "paper"));
        flags.putAll(more);
        desk = IbkrDesk.start(home, gw.port(), watchlist, flags, now);
        return desk;
    }

    private JsonNode awaitPosition(String symbol) throws Exception {
        return desk.await("/api/portfolio", p -> {
            for (JsonNode x : p.get("positions")) {
                if (x.get("symbol").asText().equals(symbol)) {
                    return true;
                }
            }
            return false;
        }, "a position in " + symbol);
    }

    @Test
    void thePaperAccountTradesOnIbPricesAndNoOrderReachesTheGateway() throws Exception {
        gw.bars.put("AAPL", BreakoutBars.ending(LAST_BAR, 300, 150.0));
        paperDesk("AAPL", Map.of("paper.market_data", "ibkr"), IbkrDesk.NOW);
        JsonNode health = desk.await("/api/health", h -> h.get("services").get("broker").get("connected").asBoolean(),
                "connected");
        assertEquals("paper", health.get("services").get("broker").get("name").asText());
        assertEquals("ibkr", health.get("market_data").get("source").asText());
        assertFalse(health.get("market_data").get("simulated").asBoolean());
        assertEquals("paper", health.get("account_mode").get("mode").asText());

        IbkrDesk.awaitSessions(gw, 1);
        JsonNode scan = desk.post("/api/scan", "");
        assertEquals("ibkr", scan.get("market_data").get("source").asText());
        JsonNode p = desk.pendingBySymbol().get("AAPL");
        assertEquals(BreakoutBars.lastClose(gw.bars.get("AAPL")), p.get("entry_price").asDouble(), 1e-9,
                "priced on the gateway's bars");
        assertEquals("ibkr", p.get("market_data").get("source").asText());
        desk.post("/api/proposals/" + p.get("proposal_id").asText() + "/approve", "{}");
        awaitPosition("AAPL");
        assertEquals(0, gw.count(Outbound.PlaceOrder.class), "orders stay in the paper account");
        assertTrue(gw.count(Outbound.ReqHistoricalData.class) >= 1 && gw.count(Outbound.ReqMktData.class) >= 1,
                "prices came from the gateway");
    }

    @Test
    void thePaperAccountTradesOnCsvBarsAndABadFileIsNamedWithItsLine() throws Exception {
        Path bars = home.resolve("bars");
        BreakoutBars.writeCsv(bars, "AAPL", BreakoutBars.ending(LAST_BAR, 300, 150.0));
        Files.write(bars.resolve("MSFT.csv"), List.of("Date,Open,High,Low,Close,Volume", "2026-11-24,1,1,1,1,1",
                "2026-11-23,1,1,1,1,1"));
        paperDesk("AAPL,MSFT,NVDA", Map.of("paper.market_data", "csv", "paper.csv_folder", "bars"), IbkrDesk.NOW);
        JsonNode scan = desk.post("/api/scan", "");
        assertEquals("csv", scan.get("market_data").get("source").asText());
        Map<String, JsonNode> d = IbkrDesk.decisionsBySymbol(scan);
        assertEquals("invalid_market_data", d.get("MSFT").get("outcome").asText());
        assertTrue(d.get("MSFT").get("reason").asText().contains("MSFT.csv is not usable: line 3: 2026-11-23 comes"
                + " after 2026-11-24 (line 2)"), d.get("MSFT").toString());
        assertEquals("unknown_symbol", d.get("NVDA").get("outcome").asText());
        assertTrue(d.get("NVDA").get("reason").asText().contains("no NVDA.csv in"), d.get("NVDA").toString());
        JsonNode p = desk.pendingBySymbol().get("AAPL");
        assertEquals("csv", p.get("market_data").get("source").asText());
        assertEquals("end_of_day", p.get("market_data").get("freshness").asText());
        desk.post("/api/proposals/" + p.get("proposal_id").asText() + "/approve", "{}");
        awaitPosition("AAPL");
        List<String> problems = new ArrayList<>();
        desk.get("/api/health").get("market_data").get("problems").forEach(x -> problems.add(x.asText()));
        assertTrue(problems.stream().anyMatch(x -> x.startsWith("MSFT [invalid_market_data]: MSFT.csv")), problems.toString());
    }

    @Test
    void simulatedPricesAreSaidSoEverywhereAndAnUnknownSymbolIsRefused() throws Exception {
        paperDesk("AAPL,MSFT,NVDA,ZZZZ", Map.of(), IbkrDesk.NOW);
        JsonNode md = desk.get("/api/health").get("market_data");
        assertEquals("simulated", md.get("source").asText());
        assertTrue(md.get("simulated").asBoolean());
        assertTrue(md.get("description").asText().contains("not real quotes"), md.toString());
        JsonNode scan = desk.post("/api/scan", "");
        assertTrue(scan.get("market_data").get("simulated").asBoolean());
        JsonNode zzzz = IbkrDesk.decisionsBySymbol(scan).get("ZZZZ");
        assertEquals("unknown_symbol", zzzz.get("outcome").asText());
        assertTrue(zzzz.get("reason").asText().contains("ZZZZ is not one of the"), zzzz.toString());
        for (JsonNode p : desk.pendingBySymbol().values()) {
            assertTrue(p.get("market_data").get("simulated").asBoolean(), p.toString());
            assertFalse(p.get("symbol").asText().equals("ZZZZ"));
        }
    }

    @Test
    void aPaperEntryApprovedOnASundayWaitsForTheOpen() throws Exception {
        BreakoutBars.writeCsv(home.resolve("bars"), "AAPL", BreakoutBars.ending(LAST_BAR, 300, 150.0));
        paperDesk("AAPL", Map.of("paper.market_data", "csv", "paper.csv_folder", "bars"),
                Instant.parse("2026-11-29T18:00:00Z"));
        desk.post("/api/scan", "");
        String id = desk.pendingBySymbol().get("AAPL").get("proposal_id").asText();
        JsonNode approved = desk.post("/api/proposals/" + id + "/approve", "{}");
        assertEquals("executing", approved.get("status").asText());
        assertTrue(approved.get("history").toString().contains("waiting for the market to open (regular session"
                + " opens 2026-11-30T14:30:00Z)"), approved.toString());
        // in a session the paper exchange fills a marketable entry while it takes the bracket (the weekday tests
        // see the position at once); the clock stands on Sunday, so nothing can fill before the open
        assertEquals("executing", desk.get("/api/proposals/" + id).get("status").asText(), "not filled on a Sunday");
        assertEquals(0, desk.get("/api/portfolio").get("positions").size());
        JsonNode order = desk.get("/api/orders").get("orders").get(0);
        assertEquals("accepted", order.get("state").asText(), order.toString());
    }
}
