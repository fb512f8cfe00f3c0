package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static tech.brokerbridge.paper.internal.MarketsUnderTest.accept;
import static tech.brokerbridge.paper.internal.MarketsUnderTest.subscribe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.tck.OrderEventRecorder;

class PaperExchangeTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final double EPS = 1e-6;

    private SimulatedMarket market;

    private SimulatedMarket marketAt(String instant) {
        market = new SimulatedMarket(PaperConfig.defaults().withCommissions(0, 0),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
        return market;
    }

    @AfterEach
    void close() {
        if (market != null) {
            market.close();
        }
    }

    @Test
    void aMarketableEntryFillsAtOnceAtItsLimit() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        OrderEventRecorder events = subscribe(m.broker());
        m.exchange().forcePrice("AAPL", 100.0);
        accept(m.broker(), new BracketOrder("r1", "AAPL", Direction.LONG, 10, 100.5, 95, 110));
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, "r1", OrderLeg.ENTRY, WAIT);
        assertEquals(100.5, fill.price(), EPS);
        Position p = m.broker().positions().get(0);
        assertEquals(10, p.quantity());
        assertEquals(100.5, p.averageCost(), EPS);
        assertEquals(100.0, p.marketPrice(), EPS);
        assertEquals(-5.0, p.unrealizedPnl(), EPS);
        assertTrue(events.threads().stream().allMatch(t -> t.getName().equals("paper-order-events")), "one event thread");
    }

    @Test
    void accountFiguresFollowARoundTrip() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        Broker broker = m.broker();
        OrderEventRecorder events = subscribe(broker);
        m.exchange().forcePrice("MSFT", 100.0);
        accept(broker, new BracketOrder("r1", "MSFT", Direction.LONG, 10, 99, 95, 105));
        AccountSnapshot working = broker.account();
        assertEquals(100_000, working.netLiquidation(), EPS);
        assertEquals(100_000 - 0.5 * 990, working.availableFunds(), EPS, "a working entry reserves margin");
        assertEquals(2 * working.availableFunds(), working.buyingPower(), EPS);

        m.exchange().forcePrice("MSFT", 98.0);
        m.exchange().forcePrice("MSFT", 102.0);
        AccountSnapshot open = broker.account();
        assertEquals(100_000 - 990, open.cash(), EPS);
        assertEquals(30, open.unrealizedPnl(), EPS);
        assertEquals(100_030, open.netLiquidation(), EPS);
        assertEquals(30, open.dailyPnl(), EPS);
        assertEquals(100_030 - 0.5 * 1020, open.availableFunds(), EPS);

        m.exchange().forcePrice("MSFT", 106.0);
        events.await(OrderEvent.Filled.class, "r1", OrderLeg.TAKE_PROFIT, WAIT);
        AccountSnapshot closed = broker.account();
        assertEquals(60, closed.realizedPnlToday(), EPS);
        assertEquals(100_060, closed.cash(), EPS);
        assertEquals(100_060, closed.netLiquidation(), EPS);
        assertEquals(0, closed.unrealizedPnl(), EPS);
        assertEquals(60, closed.dailyPnl(), EPS);
        assertEquals(200_120, closed.buyingPower(), EPS);
        assertTrue(broker.positions().isEmpty(), "flat");
    }

    @Test
    void aShortPositionGainsWhenThePriceFalls() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        m.exchange().forcePrice("TSLA", 200.0);
        accept(m.broker(), new BracketOrder("s1", "TSLA", Direction.SHORT, 5, 200, 210, 180));
        m.exchange().forcePrice("TSLA", 196.0);
        Position p = m.broker().positions().get(0);
        assertEquals(-5, p.quantity());
        assertEquals(20, p.unrealizedPnl(), EPS);
        assertEquals(100_000 + 1000, m.broker().account().cash(), EPS, "a short sale credits cash");
        assertEquals(100_020, m.broker().account().netLiquidation(), EPS);
    }

    @Test
    void aNewDayRestartsTodaysProfitAndLoss() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        OrderEventRecorder events = subscribe(m.broker());
        m.exchange().forcePrice("JPM", 100.0);
        accept(m.broker(), new BracketOrder("r1", "JPM", Direction.LONG, 10, 99, 50, 200));
        m.exchange().forcePrice("JPM", 98.0);
        events.await(OrderEvent.Filled.class, "r1", OrderLeg.ENTRY, WAIT);
        m.broker().cancel("r1");
        AccountSnapshot yesterday = m.broker().account();

        m.advance(Duration.ofHours(10)); // 01:00 the next day: prices rest at the close
        AccountSnapshot today = m.broker().account();
        assertEquals(0, today.dailyPnl(), EPS, "no move since midnight");
        assertEquals(0, today.realizedPnlToday(), EPS);
        assertEquals(LocalDate.parse("2026-03-19"), LocalDate.ofInstant(today.asOf(), ZoneOffset.UTC));
        assertTrue(Math.abs(today.netLiquidation() - yesterday.netLiquidation()) > 0, "the position moved with the market");
    }

    @Test
    void aRestingEntryFillsExactlyWhenTheDaysPathReachesIt() {
        // a symbol whose bar of 19 March, as seen from the day after, trades below its open
        MarketsUnderTest.DailyBars found = MarketsUnderTest.firstSymbolWhere(bars -> {
            Bar last = bars.get(bars.size() - 1);
            return last.low() < last.open() - 0.05;
        }, "some symbol trades below its open that day");
        String symbol = found.symbol();
        Bar day = found.last();
        assertEquals(LocalDate.parse("2026-03-19"), LocalDate.ofInstant(day.time(), ZoneOffset.UTC));

        SimulatedMarket m = marketAt(TradingCalendar.openOf(LocalDate.parse("2026-03-19")).toString());
        assertEquals(Instant.parse("2026-03-19T13:30:00Z"), m.now(), "09:30 in New York (daylight saving time)");
        assertEquals(day.open(), m.exchange().livePrice(symbol), EPS, "the session starts at the bar's open");
        double reached = Math.round((day.low() + day.open()) / 2 * 100) / 100.0;
        double missed = Math.round((day.low() - 0.05) * 100) / 100.0;
        accept(m.broker(), new BracketOrder("reached", symbol, Direction.LONG, 1, reached, reached * 0.5, reached * 3));
        accept(m.broker(), new BracketOrder("missed", symbol, Direction.LONG, 1, missed, missed * 0.5, missed * 3));
        m.advance(Duration.ofHours(7));
        assertEquals(day.close(), m.exchange().livePrice(symbol), EPS, "the session ends at the bar's close");
        assertEquals(OrderState.FILLED, entryState("reached"), "the day's path went through it");
        assertEquals(reached, market.broker().ordersByRef("reached").get(0).averageFillPrice(), EPS, "at its limit");
        assertEquals(OrderState.WORKING, entryState("missed"), "below the day's low nothing fills");
    }

    @Test
    void theLivePriceRestsOutsideTheSessionAndMovesInIt() {
        SimulatedMarket m = marketAt("2026-03-21T12:00:00Z"); // Saturday
        double saturday = m.exchange().livePrice("AAPL");
        m.advance(Duration.ofHours(26)); // Sunday 14:00
        assertEquals(saturday, m.exchange().livePrice("AAPL"), EPS, "no trading at the weekend");
        m.advance(Duration.ofMinutes(24 * 60 + 30)); // Monday 14:30, the open
        Set<Double> seen = new HashSet<>();
        for (int i = 0; i < 24; i++) {
            m.advance(Duration.ofMinutes(15)); // through Monday's session
            seen.add(m.exchange().livePrice("AAPL"));
        }
        assertTrue(seen.size() > 5, "prices move during the session: " + seen);
    }

    @Test
    void insufficientBuyingPowerIsRejectedWithAReasonAndNotRemembered() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        m.exchange().forcePrice("AAPL", 100.0);
        SubmitResult r = m.broker().submitBracket(new BracketOrder("big", "AAPL", Direction.LONG, 3000, 99, 95, 105));
        SubmitResult.Rejected rejected = assertInstanceOf(SubmitResult.Rejected.class, r);
        assertFalse(rejected.duplicate());
        assertTrue(rejected.reason().contains("buying power"), rejected.reason());
        assertTrue(m.broker().ordersByRef("big").isEmpty(), "nothing held");
        accept(m.broker(), new BracketOrder("big", "AAPL", Direction.LONG, 30, 99, 95, 105));
    }

    @Test
    void anUnknownSymbolIsRejectedWithAReason() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        SubmitResult r = m.broker().submitBracket(new BracketOrder("x", "not-a-ticker", Direction.LONG, 1, 99, 95, 105));
        SubmitResult.Rejected rejected = assertInstanceOf(SubmitResult.Rejected.class, r);
        assertTrue(rejected.reason().contains("unknown symbol"), rejected.reason());
        assertFalse(rejected.duplicate());
    }

    @Test
    void concurrentSubmissionsAreAllTakenAndOneRefOnlyOnce() throws Exception {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        m.exchange().forcePrice("AAPL", 100.0);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<SubmitResult>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String ref = "c" + i;
                calls.add(() -> m.broker().submitBracket(new BracketOrder(ref, "AAPL", Direction.LONG, 1, 90, 80, 120)));
            }
            for (int i = 0; i < 16; i++) {
                calls.add(() -> m.broker().submitBracket(new BracketOrder("same", "AAPL", Direction.LONG, 1, 90, 80, 120)));
            }
            Set<String> ids = new HashSet<>();
            int acceptedSame = 0;
            for (Future<SubmitResult> f : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                SubmitResult r = f.get();
                if (r instanceof SubmitResult.Accepted a) {
                    ids.addAll(a.brokerOrderIds());
                    acceptedSame += a.orderRef().equals("same") ? 1 : 0;
                } else {
                    assertTrue(((SubmitResult.Rejected) r).duplicate(), "only duplicates are rejected: " + r);
                }
            }
            assertEquals(1, acceptedSame, "one bracket per ref");
            assertEquals(3 * 201, ids.size(), "distinct leg ids");
            assertEquals(3 * 201, m.broker().openOrders().size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedMarketSaysSoAndRefusesOrders() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        m.close();
        assertFalse(m.broker().connectionStatus().connected());
        BrokerException e = assertThrows(BrokerException.class, () -> m.broker()
                .submitBracket(new BracketOrder("r", "AAPL", Direction.LONG, 1, 99, 95, 105)));
        assertTrue(e.retryable());
        assertThrows(BrokerException.class, m::tick);
    }

    @Test
    void timeNeverRunsBehindTheClockAndAdvanceGoesBeyondIt() {
        SimulatedMarket m = marketAt("2026-03-18T15:00:00Z");
        assertEquals(Instant.parse("2026-03-18T15:00:00Z"), m.now());
        m.advance(Duration.ofDays(2));
        m.tick();
        assertEquals(Instant.parse("2026-03-20T15:00:00Z"), m.now());
        assertThrows(IllegalArgumentException.class, () -> m.advance(Duration.ofSeconds(-1)));
    }

    private OrderState entryState(String ref) {
        return market.broker().ordersByRef(ref).stream().filter(v -> v.leg() == OrderLeg.ENTRY).findFirst()
                .orElseThrow().state();
    }
}
