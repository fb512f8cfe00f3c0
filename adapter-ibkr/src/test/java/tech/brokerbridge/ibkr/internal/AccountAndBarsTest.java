package tech.brokerbridge.ibkr.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ibkr.fake.Bars;
import tech.brokerbridge.ibkr.fake.FakeGateway;
import tech.brokerbridge.ibkr.fake.Rig;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.BarSize;
import tech.brokerbridge.ports.market.MarketDataException;

class AccountAndBarsTest {
    private Rig rig;

    @BeforeEach
    void start() throws Exception {
        FakeGateway gw = new FakeGateway();
        gw.accounts = List.of("DU1234567", "DU7654321");
        gw.bars.put("AAPL", Bars.daily(LocalDate.of(2026, 2, 27), 300, 150.0));
        rig = Rig.connected(gw, s -> Rig.account(s, "DU1234567")); // ibkr.account chooses one of the two
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void accountSummaryAndPnlOfTheChosenAccount() throws InterruptedException {
        AccountSnapshot a = rig.broker.account();
        assertEquals("USD", a.currency());
        assertEquals(100_000.0, a.netLiquidation());
        assertEquals(50_000.0, a.cash());
        assertEquals(200_000.0, a.buyingPower());
        assertEquals(50_000.0, a.availableFunds());
        assertEquals(1150.0, a.unrealizedPnl());
        assertEquals(25.0, a.realizedPnlToday());
        Eventually.until(() -> rig.broker.account().dailyPnl() == -75.0, "IB's daily P&L from reqPnL");
        assertEquals(Rig.NOW, a.asOf());
        assertEquals("DU1234567", rig.client.selectedAccount());
        Outbound.ReqAccountSummary req = (Outbound.ReqAccountSummary) rig.gw.received.stream()
                .filter(Outbound.ReqAccountSummary.class::isInstance).findFirst().orElseThrow();
        assertEquals("NetLiquidation,TotalCashValue,BuyingPower,AvailableFunds", req.tags());
        Eventually.until(() -> rig.gw.count(Outbound.CancelAccountSummary.class)
                == rig.gw.count(Outbound.ReqAccountSummary.class), "every summary subscription is cancelled");
    }

    @Test
    void withoutReqPnlDailyPnlFollowsUnrealizedMovesAfterTheFirstFigure() throws Exception {
        rig.close();
        FakeGateway gw = new FakeGateway();
        gw.silent = m -> m instanceof Outbound.ReqPnL;
        rig = Rig.connected(gw, s -> s);
        assertEquals(25.0, rig.broker.account().dailyPnl(), "realized today, unrealized counted from now");
        rig.gw.sendToAll(new tech.brokerbridge.ibkr.internal.msg.Inbound.UpdateAccountValue("UnrealizedPnL",
                "1000.0", "USD", "DU1234567"));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rig.broker.account().unrealizedPnl() != 1000.0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(25.0 - 150.0, rig.broker.account().dailyPnl(), 1e-9);
    }

    @Test
    void positionsCarryMarketPriceAndPnlFromThePortfolio() throws InterruptedException {
        List<Position> positions = rig.broker.positions();
        assertEquals(1, positions.size());
        Position p = positions.get(0);
        assertEquals("MSFT", p.symbol());
        assertEquals(10, p.quantity());
        assertEquals(300.0, p.averageCost());
        assertEquals(310.0, p.marketPrice());
        assertEquals(100.0, p.unrealizedPnl());
        assertEquals(3100.0, p.marketValue());
        Eventually.until(() -> rig.gw.count(Outbound.CancelPositions.class) == 1, "positions cancelled");
    }

    @Test
    void dailyBarsForOneYearOldestFirst() {
        List<Bar> bars = rig.market.bars(BarRequest.dailyYear("AAPL"));
        Outbound.ReqHistoricalData req = (Outbound.ReqHistoricalData) rig.gw.received.stream()
                .filter(Outbound.ReqHistoricalData.class::isInstance).findFirst().orElseThrow();
        assertEquals("1 Y", req.duration());
        assertEquals("1 day", req.barSize());
        assertEquals("TRADES", req.whatToShow());
        assertEquals("", req.endDateTime());
        assertEquals("SMART", req.contract().exchange());
        assertTrue(req.useRth());
        // 300 scripted weekdays; those older than a year before 2026-03-02 are trimmed
        assertTrue(bars.size() > 250 && bars.size() < 300, "got " + bars.size());
        assertEquals(Instant.parse("2026-02-27T00:00:00Z"), bars.get(bars.size() - 1).time());
        assertFalse(bars.get(0).time().isBefore(Instant.parse("2025-03-02T00:00:00Z")));
        for (int i = 1; i < bars.size(); i++) {
            assertTrue(bars.get(i).time().isAfter(bars.get(i - 1).time()));
        }
    }

    @Test
    void anIdenticalRequestWithin15SecondsIsNotSentAgain() {
        List<Bar> first = rig.market.bars(BarRequest.dailyYear("AAPL"));
        List<Bar> second = rig.market.bars(BarRequest.dailyYear("AAPL"));
        assertEquals(first, second);
        assertEquals(1, rig.gw.count(Outbound.ReqHistoricalData.class));
        rig.market.bars(new BarRequest("AAPL", Period.ofMonths(6), BarSize.ONE_DAY));
        assertEquals(2, rig.gw.count(Outbound.ReqHistoricalData.class));
    }

    @Test
    void unknownSymbolIsAClearNonRetryableError() {
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> rig.market.bars(BarRequest.dailyYear("NOPE")));
        assertTrue(e.unknownSymbol());
        assertFalse(e.retryable());
        assertTrue(e.getMessage().contains("NOPE"), e.getMessage());
        assertTrue(e.getMessage().contains("200"), e.getMessage());
    }

    @Test
    void silentGatewayTimesOutRetryablyAndCancelsTheRequest() throws Exception {
        rig.close();
        FakeGateway gw = new FakeGateway();
        gw.silent = m -> m instanceof Outbound.ReqHistoricalData;
        rig = Rig.connected(gw, s -> new ClientSettings(s.host(), s.port(), s.clientId(), Duration.ofMillis(300),
                s.connectTimeout(), "", "SMART", "USD", s.initialBackoff(), s.maxBackoff(), s.heartbeat(), s.clock(),
                s.sleeper(), s.ticker(), s.random()));
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> rig.market.bars(BarRequest.dailyYear("AAPL")));
        assertTrue(e.retryable());
        assertTrue(e.getMessage().contains("timed out"), e.getMessage());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (gw.count(Outbound.CancelHistoricalData.class) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(1, gw.count(Outbound.CancelHistoricalData.class));
    }
}
