package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.BarSize;
import tech.brokerbridge.ports.market.Instrument;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * The contract every {@link MarketData} honours, real or fake: daily bars oldest first, one per
 * trading day, covering about the requested lookback (a year is 240–262 bars), with consistent
 * OHLC; an unknown symbol is told apart from a transient failure; a known symbol has a quote (finite,
 * positive, with its freshness), a positive tick and a session; the source names itself.
 *
 * <p>Hooks: {@link #newMarketData()} (called once per test), {@link #knownSymbol()} with at least a
 * year of daily history, and {@link #unknownSymbol()}, a well-formed symbol the source does not know.
 */
public abstract class MarketDataContract {
    /** A fresh market data source; called once per test. */
    protected abstract MarketData newMarketData();

    /** A symbol with at least one year of daily bars. */
    protected abstract String knownSymbol();

    /** A symbol the source does not know. */
    protected abstract String unknownSymbol();

    @Test
    void oneYearOfDailyBarsComesOldestFirstAboutOneBarPerTradingDay() {
        List<Bar> bars = newMarketData().bars(BarRequest.dailyYear(knownSymbol()));
        assertTrue(bars.size() >= 240 && bars.size() <= 262, "about 252 trading days in a year, got " + bars.size());
        for (int i = 1; i < bars.size(); i++) {
            assertTrue(bars.get(i).time().isAfter(bars.get(i - 1).time()), "oldest first, strictly: bar " + i);
            Duration gap = Duration.between(bars.get(i - 1).time(), bars.get(i).time());
            assertTrue(gap.compareTo(Duration.ofDays(5)) <= 0, "no gap longer than a long weekend: bar " + i + " " + gap);
        }
        Duration span = Duration.between(bars.get(0).time(), bars.get(bars.size() - 1).time());
        assertTrue(span.compareTo(Duration.ofDays(350)) >= 0 && span.compareTo(Duration.ofDays(366)) <= 0,
                "the bars span about a year: " + span);
    }

    @Test
    void aShorterLookbackGivesFewerBars() {
        MarketData data = newMarketData();
        List<Bar> year = data.bars(BarRequest.dailyYear(knownSymbol()));
        List<Bar> quarter = data.bars(new BarRequest(knownSymbol(), Period.ofMonths(3), BarSize.ONE_DAY));
        assertTrue(quarter.size() >= 55 && quarter.size() <= 67, "about 63 trading days in 3 months, got " + quarter.size());
        assertTrue(quarter.size() < year.size(), "3 months < 1 year");
        assertFalse(quarter.get(quarter.size() - 1).time().isBefore(year.get(year.size() - 1).time().minus(Duration.ofDays(4))),
                "both end at the latest completed bar");
    }

    @Test
    void everyBarIsConsistent() {
        for (Bar b : newMarketData().bars(BarRequest.dailyYear(knownSymbol()))) {
            assertTrue(b.low() > 0, "positive prices: " + b);
            assertTrue(b.low() <= Math.min(b.open(), b.close()) + 1e-9, "low is the lowest: " + b);
            assertTrue(b.high() >= Math.max(b.open(), b.close()) - 1e-9, "high is the highest: " + b);
            assertTrue(Double.isFinite(b.high()), "finite: " + b);
            assertTrue(b.volume() >= 0, "volume not negative: " + b);
        }
    }

    @Test
    void anUnknownSymbolIsToldApartFromATransientFailure() {
        MarketDataException e = assertThrows(MarketDataException.class,
                () -> newMarketData().bars(BarRequest.dailyYear(unknownSymbol())));
        assertTrue(e.unknownSymbol(), "unknownSymbol() is true: " + e);
        assertFalse(e.retryable(), "asking again will not help: " + e);
    }

    @Test
    void aKnownSymbolHasAQuoteATickAndASession() {
        MarketData data = newMarketData();
        Quote q = data.quote(knownSymbol());
        assertEquals(knownSymbol(), q.symbol());
        assertTrue(q.price() > 0 && Double.isFinite(q.price()), "a usable price: " + q);
        Instrument i = data.instrument(knownSymbol());
        assertTrue(i.tick() > 0 && i.tick() <= 1, "a tick: " + i);
        assertNotNull(i.session());
        List<Bar> bars = data.bars(BarRequest.dailyYear(knownSymbol()));
        double lastClose = bars.get(bars.size() - 1).close();
        assertTrue(q.price() > lastClose / 2 && q.price() < lastClose * 2,
                "the quote is near the last close " + lastClose + ": " + q);
    }

    @Test
    void anUnknownSymbolHasNoQuote() {
        MarketDataException e = assertThrows(MarketDataException.class, () -> newMarketData().quote(unknownSymbol()));
        assertTrue(e.unknownSymbol(), "unknownSymbol() is true: " + e);
        assertEquals(MarketDataException.Problem.UNKNOWN_SYMBOL, e.problem());
    }

    @Test
    void theSourceNamesItself() {
        PriceSource s = newMarketData().source();
        assertFalse(s.name().isBlank());
        assertFalse(s.description().isBlank());
    }
}
