package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.tck.OrderEventRecorder;

/** The paper broker's own side of looking after trades: commissions, the cash they cost, a percent trail. */
class PaperTradesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void commissionsFollowIbFixedPricing() {
        PaperCommissions ib = new PaperCommissions(PaperConfig.IB_FIXED_PER_SHARE, PaperConfig.IB_FIXED_MINIMUM);
        assertEquals(1.00, ib.charge(10, 99.0), EPS, "10 shares: the minimum");
        assertEquals(5.00, ib.charge(1000, 20.0), EPS, "1000 shares: 0.005 each");
        assertEquals(0.50, ib.charge(100, 0.50), EPS, "at most 1 % of a 50.00 trade");
        assertEquals(0, new PaperCommissions(0, 0).charge(1000, 20.0), EPS, "none configured");
        assertThrows(IllegalArgumentException.class, () -> new PaperCommissions(-0.01, 1));
        assertThrows(IllegalArgumentException.class, () -> PaperConfig.defaults().withCommissions(0.005, -1));
    }

    @Test
    void aRoundTripWithAPartialCloseCostsItsCommissionsInCashAndRealizedPnl() {
        try (SimulatedMarket m = new SimulatedMarket(PaperConfig.defaults(), CLOCK)) {
            Broker broker = m.broker();
            OrderEventRecorder events = new OrderEventRecorder();
            broker.subscribe(events);
            m.exchange().forcePrice("MSFT", 100.0);
            assertInstanceOf(SubmitResult.Accepted.class,
                    broker.submitBracket(new BracketOrder("r1", "MSFT", Direction.LONG, 300, 99, 95, 110)));
            m.exchange().forcePrice("MSFT", 98.0);
            OrderEvent.Commission entry = events.await(OrderEvent.Commission.class, "r1", OrderLeg.ENTRY, WAIT);
            assertEquals(1.50, entry.amount(), EPS, "300 × 0.005");
            m.exchange().forcePrice("MSFT", 102.0);
            assertInstanceOf(PlaceResult.Accepted.class, broker.close(new CloseOrder("cls-1", Optional.of("r1"), "MSFT",
                    Direction.LONG, 100, OptionalDouble.empty())));
            events.await(OrderEvent.Commission.class, "cls-1", OrderLeg.CLOSE, WAIT);
            assertEquals(200, broker.ordersByRef("r1").get(1).quantity(), "the stop covers the 200 left");
            assertInstanceOf(PlaceResult.Accepted.class, broker.close(new CloseOrder("cls-2", Optional.of("r1"), "MSFT",
                    Direction.LONG, 200, OptionalDouble.empty())));
            events.await(OrderEvent.Commission.class, "cls-2", OrderLeg.CLOSE, WAIT);
            AccountSnapshot a = broker.account();
            double gross = 300 * (102.0 - 99.0);
            double commissions = 1.50 + 1.00 + 1.00; // 100 × 0.005 = 0.50 → the 1.00 minimum; 200 × 0.005 = 1.00
            assertEquals(100_000 + gross - commissions, a.cash(), 1e-6);
            assertEquals(gross - commissions, a.realizedPnlToday(), 1e-6);
            assertEquals(a.cash(), a.netLiquidation(), 1e-6, "flat: net liquidation is the cash");
            assertTrue(broker.openOrders().isEmpty(), "no leg left working");
        }
    }

    @Test
    void aPercentTrailFollowsEachPriceAndSurvivesARestart() {
        try (SimulatedMarket m = new SimulatedMarket(PaperConfig.persistentIn(dir), CLOCK)) {
            m.exchange().forcePrice("AAPL", 100.0);
            m.broker().submitBracket(new BracketOrder("t1", "AAPL", Direction.LONG, 10, 99, 95, 150));
            m.exchange().forcePrice("AAPL", 98.0);
            m.broker().modify("t1", ProtectionChange.trailing(TrailingStop.percent(5), 95.0));
            m.exchange().forcePrice("AAPL", 120.0);
            assertEquals(114.0, m.broker().ordersByRef("t1").get(1).limitOrStopPrice(), EPS, "5 % under 120");
        }
        try (SimulatedMarket m = new SimulatedMarket(PaperConfig.persistentIn(dir), CLOCK)) {
            assertEquals(Optional.of(TrailingStop.percent(5)), m.broker().ordersByRef("t1").get(1).trailing());
            m.exchange().forcePrice("AAPL", 110.0);
            assertEquals(114.0, m.broker().ordersByRef("t1").get(1).limitOrStopPrice(), EPS, "a trail never loosens");
            assertEquals(List.of(), m.broker().positions(), "110 is under the trailed stop: the position is out");
        }
    }
}
