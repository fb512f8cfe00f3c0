package tech.brokerbridge.paper.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.paper.PaperConfig;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.market.MarketSession;
import tech.brokerbridge.ports.tck.OrderEventRecorder;

/** Issue 10.5: nothing fills outside the regular session; an entry sent then waits for the open. */
class MarketHoursTest {
    private static final Instant SUNDAY = Instant.parse("2026-03-22T15:00:00Z");
    /** Monday 23 March, 09:30 in New York (daylight saving time). */
    private static final Instant MONDAY_OPEN = Instant.parse("2026-03-23T13:30:00Z");
    private SimulatedMarket market;

    @AfterEach
    void close() {
        if (market != null) {
            market.close();
        }
    }

    private SimulatedMarket at(Instant t) {
        market = new SimulatedMarket(PaperConfig.defaults(), Clock.fixed(t, ZoneOffset.UTC));
        return market;
    }

    private OrderView entry(String ref) {
        return market.broker().ordersByRef(ref).stream().filter(v -> v.leg() == OrderLeg.ENTRY).findFirst()
                .orElseThrow();
    }

    @Test
    void aMarketableEntrySentOnASundayWaitsForMondaysOpenAndFillsThere() {
        SimulatedMarket m = at(SUNDAY);
        OrderEventRecorder events = new OrderEventRecorder();
        m.broker().subscribe(events);
        double friday = m.exchange().livePrice("AAPL");
        double limit = Math.round(friday * 1.2 * 100) / 100.0; // far above any gap: marketable at once in a session
        assertInstanceOf(SubmitResult.Accepted.class, m.broker().submitBracket(
                new BracketOrder("sunday", "AAPL", Direction.LONG, 10, limit, Math.round(friday * 80) / 100.0,
                        Math.round(friday * 150) / 100.0)));
        assertEquals(OrderState.WORKING, entry("sunday").state(), "no fill on a Sunday, marketable or not");
        m.exchange().forcePrice("AAPL", friday * 0.9);
        assertEquals(OrderState.WORKING, entry("sunday").state(), "nothing trades outside the session");
        assertEquals(new MarketSession.Closed(MONDAY_OPEN), m.marketData().instrument("AAPL").session());

        m.advance(Duration.between(SUNDAY, MONDAY_OPEN).plusMinutes(1));
        OrderEvent.Filled fill = events.await(OrderEvent.Filled.class, "sunday", OrderLeg.ENTRY, Duration.ofSeconds(5));
        assertEquals(MONDAY_OPEN, fill.time(), "filled at the open");
        assertEquals(new MarketSession.Open(Instant.parse("2026-03-23T20:00:00Z")),
                m.marketData().instrument("AAPL").session());
    }

    @Test
    void afterTheCloseTheSameHoldsAndInTheSessionAMarketableEntryFillsAtOnce() {
        SimulatedMarket m = at(Instant.parse("2026-03-18T20:30:00Z")); // Wednesday, after the 16:00 close
        double last = m.exchange().livePrice("MSFT");
        double limit = Math.round(last * 1.2 * 100) / 100.0;
        m.broker().submitBracket(new BracketOrder("late", "MSFT", Direction.LONG, 1, limit, Math.round(last * 80) / 100.0,
                Math.round(last * 150) / 100.0));
        assertEquals(OrderState.WORKING, entry("late").state());
        assertTrue(m.marketData().instrument("MSFT").session() instanceof MarketSession.Closed);
        market.close();

        SimulatedMarket open = at(Instant.parse("2026-03-18T15:00:00Z"));
        double now = open.exchange().livePrice("MSFT");
        open.broker().submitBracket(new BracketOrder("now", "MSFT", Direction.LONG, 1, Math.round(now * 101) / 100.0,
                Math.round(now * 80) / 100.0, Math.round(now * 150) / 100.0));
        assertEquals(OrderState.FILLED, entry("now").state(), "in the session a marketable entry fills at once");
    }

    @Test
    void theCalendarFollowsNewYorkTimeAcrossDaylightSaving() {
        TradingCalendar c = new TradingCalendar();
        assertEquals(Instant.parse("2026-01-05T14:30:00Z"), TradingCalendar.openOf(java.time.LocalDate.parse("2026-01-05")));
        assertEquals(Instant.parse("2026-07-06T13:30:00Z"), TradingCalendar.openOf(java.time.LocalDate.parse("2026-07-06")));
        assertEquals(Instant.parse("2026-07-06T20:00:00Z"), TradingCalendar.closeOf(java.time.LocalDate.parse("2026-07-06")));
        assertTrue(c.inSession(Instant.parse("2026-07-06T13:30:00Z")));
        assertTrue(!c.inSession(Instant.parse("2026-07-06T13:29:59Z")));
        assertTrue(!c.inSession(Instant.parse("2026-07-06T20:00:01Z")));
        assertEquals(Instant.parse("2026-07-06T13:30:00Z"), c.nextOpen(Instant.parse("2026-07-03T21:00:00Z")),
                "Friday 3 July 2026 is the Independence Day holiday; the next open is Monday");
        for (String closed : List.of("2025-01-09", "2018-12-05", "2012-10-29")) {
            assertTrue(!c.isTradingDay(java.time.LocalDate.parse(closed)), closed + " was an unscheduled closure");
        }
    }
}
