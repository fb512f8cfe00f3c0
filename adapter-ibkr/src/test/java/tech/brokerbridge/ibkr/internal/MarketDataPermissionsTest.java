package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.brokerbridge.ibkr.fake.Bars;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.error.ErrorKind;
import tech.brokerbridge.ibkr.internal.error.ErrorTable;
import tech.brokerbridge.ibkr.internal.msg.Inbound.ErrorMessage;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.Quote;

/** Issue 13: IB's market data errors, each named, and the fall back to delayed data. */
class MarketDataPermissionsTest {
    private Rig rig;

    @BeforeEach
    void start() throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.contracts.put("NVDA", 4815747);
        for (String s : List.of("AAPL", "MSFT", "NVDA")) {
            gw.bars.put(s, Bars.daily(LocalDate.of(2026, 2, 27), 300, 150.0));
        }
        rig = Rig.connected(gw, s -> Rig.timeout(s, Duration.ofSeconds(3)));
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private List<Integer> typesAsked() {
        return rig.gw.received.stream().filter(Outbound.ReqMarketDataType.class::isInstance)
                .map(m -> ((Outbound.ReqMarketDataType) m).type()).toList();
    }

    @Test
    void theTableNamesEveryDataError() {
        assertEquals(ErrorKind.NO_MARKET_DATA_PERMISSION, ErrorTable.kindOf(354, "Requested market data is not subscribed."));
        assertEquals(ErrorKind.NO_MARKET_DATA_PERMISSION, ErrorTable.kindOf(162,
                "Historical Market Data Service error message:No market data permissions for NASDAQ STK"));
        assertEquals(ErrorKind.PACING_VIOLATION, ErrorTable.kindOf(162,
                "Historical Market Data Service error message:API historical data query cancelled: pacing violation"));
        assertEquals(ErrorKind.REQUEST_FAILED, ErrorTable.kindOf(162, "HMDS query returned no data"));
        assertEquals(ErrorKind.DELAYED_DATA_AVAILABLE, ErrorTable.kindOf(10089, ""));
        assertEquals(ErrorKind.DELAYED_DATA_SHOWN, ErrorTable.kindOf(10167, ""));
        assertEquals(ErrorKind.DELAYED_DATA_NOT_ENABLED, ErrorTable.kindOf(10168, ""));
        assertEquals(ErrorKind.UNKNOWN_CONTRACT, ErrorTable.kindOf(200, ""));
    }

    @Test
    void livePricesWhenPermitted() {
        rig.gw.quotePrices.put("AAPL", 151.25);
        Quote q = rig.market.quote("AAPL");
        assertEquals(151.25, q.price());
        assertEquals(Quote.Freshness.REALTIME, q.freshness());
        assertEquals(List.of(1), typesAsked());
        Outbound.ReqMktData asked = (Outbound.ReqMktData) rig.gw.received.stream()
                .filter(Outbound.ReqMktData.class::isInstance).findFirst().orElseThrow();
        assertEquals(265598, asked.contract().conId(), "the contract id from the contract details");
        assertTrue(asked.snapshot());
    }

    @ParameterizedTest
    @ValueSource(ints = {10089, 354})
    void withoutLivePermissionTheQuoteFallsBackToDelayedDataAndSaysSo(int refusal) {
        rig.gw.permissions.put("MSFT", FakeGateway.Permission.DELAYED_ONLY);
        rig.gw.liveRefusal = refusal;
        rig.gw.quotePrices.put("MSFT", 402.5);
        Quote q = rig.market.quote("MSFT");
        assertEquals(402.5, q.price());
        assertEquals(Quote.Freshness.DELAYED, q.freshness());
        assertEquals(List.of(1, 3), typesAsked(), "live first, then reqMarketDataType 3");
        assertEquals(Quote.Freshness.DELAYED, rig.market.quote("MSFT").freshness());
        assertEquals(List.of(1, 3, 3), typesAsked(), "the symbol starts with delayed data next time");
    }

    @Test
    void neitherLiveNorDelayedIsNamedAsDelayedDataNotSubscribed() {
        rig.gw.permissions.put("NVDA", FakeGateway.Permission.NONE);
        MarketDataException e = assertThrows(MarketDataException.class, () -> rig.market.quote("NVDA"));
        assertEquals(MarketDataException.Problem.DELAYED_DATA_NOT_SUBSCRIBED, e.problem());
        assertTrue(e.getMessage().startsWith("delayed data not subscribed for NVDA"), e.getMessage());
        assertTrue(e.getMessage().contains("IB 354") && e.getMessage().contains("IB 10168"), e.getMessage());
        assertFalse(e.retryable());
    }

    @Test
    void barsWithoutPermissionAreNamedWithWhatToDo() {
        rig.gw.historicalErrors.put("NVDA", new ErrorMessage(-1, 162,
                "Historical Market Data Service error message:No market data permissions for NASDAQ STK", ""));
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> rig.market.bars(BarRequest.dailyYear("NVDA")));
        assertEquals(MarketDataException.Problem.NO_MARKET_DATA_PERMISSION, e.problem());
        assertTrue(e.getMessage().startsWith("no market data permission for NVDA (IB 162:"), e.getMessage());
        assertTrue(e.getMessage().contains("Market Data Subscriptions"), e.getMessage());
    }

    @Test
    void aPacingViolationIsNamedAndRetryable() {
        rig.gw.historicalErrors.put("NVDA", new ErrorMessage(-1, 162,
                "Historical Market Data Service error message:API historical data query cancelled: pacing violation",
                ""));
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> rig.market.bars(BarRequest.dailyYear("NVDA")));
        assertEquals(MarketDataException.Problem.PACING_VIOLATION, e.problem());
        assertTrue(e.retryable());
        assertTrue(e.getMessage().startsWith("pacing violation for NVDA"), e.getMessage());
    }

    @Test
    void anUnknownContractIsAnUnknownSymbolForQuotesAndInstruments() {
        for (java.util.function.Consumer<String> call : List.<java.util.function.Consumer<String>>of(
                s -> rig.market.quote(s), s -> rig.market.instrument(s))) {
            MarketDataException e = assertThrows(MarketDataException.class, () -> call.accept("ZZZZ"));
            assertTrue(e.unknownSymbol(), e.getMessage());
            assertTrue(e.getMessage().contains("200"), e.getMessage());
        }
    }

    @Test
    void theTickIsIbsMinTickFromTheContractDetailsAskedOnce() {
        rig.gw.minTicks.put("AAPL", 0.05);
        assertEquals(0.05, rig.market.instrument("AAPL").tick());
        assertEquals(0.05, rig.market.instrument("AAPL").tick());
        assertEquals(1, rig.gw.count(Outbound.ReqContractDetails.class), "cached");
    }
}
