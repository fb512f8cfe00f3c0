package tech.brokerbridge.launcher.ibkr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.internal.msg.Inbound.HistoricalBar;
import tech.brokerbridge.ibkr.internal.msg.Outbound;

/**
 * Issue 5's "done when", through the real desk and its HTTP API with {@code BROKERBRIDGE_BROKER=ibkr}
 * pointed at a fake IB Gateway speaking the TWS socket protocol on loopback: the desk shows the
 * gateway account's portfolio, scans on the gateway's historical bars, executes an approved
 * proposal as a bracket, and turns IB's rejection into a failed proposal with IB's reason.
 */
class IbkrDeskTest {
    /** The last completed session before {@link IbkrDesk#NOW}. */
    private static final LocalDate LAST_BAR = LocalDate.of(2026, 11, 26);
    private static final Map<String, Integer> CONTRACTS = Map.of("AAPL", 265598, "NVDA", 4815747, "AMD", 4391);
    private static final Map<String, Double> STARTS = Map.of("AAPL", 150.0, "NVDA", 120.0, "AMD", 90.0);
    /** ZZZZ is not a contract the gateway knows. */
    private static final String WATCHLIST = "AAPL,NVDA,AMD,ZZZZ";

    @TempDir
    Path home;

    private final FakeGateway gw = new FakeGateway();
    private final Map<String, List<HistoricalBar>> bars = new LinkedHashMap<>();
    private IbkrDesk desk;

    @BeforeEach
    void gatewayWithBars() throws Exception {
        CONTRACTS.forEach(gw.contracts::put);
        for (String symbol : List.of("AAPL", "NVDA", "AMD")) {
            bars.put(symbol, BreakoutBars.ending(LAST_BAR, 300, STARTS.get(symbol)));
            gw.bars.put(symbol, bars.get(symbol));
        }
        gw.start();
    }

    @AfterEach
    void stop() {
        if (desk != null) {
            desk.close();
        }
        gw.close();
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
}
