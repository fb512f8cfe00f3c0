package tech.brokerbridge.paper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.BarSize;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;

class PaperMarketDataTest {
    static final List<String> WATCHLIST = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "META", "TSLA", "AMD",
            "NFLX", "JPM", "V", "MA", "XOM", "UNH", "HD", "COST", "AVGO", "CRM", "ORCL", "INTC");

    private static MarketData at(String instant) {
        return at(instant, PaperConfig.defaults());
    }

    private static MarketData at(String instant, PaperConfig config) {
        return PaperFactory.create(config, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)).marketData();
    }

    private static LocalDate date(Bar b) {
        return LocalDate.ofInstant(b.time(), ZoneOffset.UTC);
    }

    @Test
    void theSameSymbolAlwaysHasTheSameHistory() {
        List<Bar> a = at("2026-03-18T15:00:00Z").bars(BarRequest.dailyYear("AAPL"));
        List<Bar> b = at("2026-03-18T15:00:00Z").bars(BarRequest.dailyYear("AAPL"));
        assertEquals(a, b);
        assertNotEquals(a, at("2026-03-18T15:00:00Z").bars(BarRequest.dailyYear("MSFT")), "another symbol differs");
        assertNotEquals(a, at("2026-03-18T15:00:00Z", new PaperConfig(100_000, "USD", 8))
                .bars(BarRequest.dailyYear("AAPL")), "another seed differs");
    }

    @Test
    void aDaysBarIsTheSameWheneverItIsAskedFor() {
        List<Bar> later = at("2026-03-18T15:00:00Z").bars(BarRequest.dailyYear("NVDA"));
        List<Bar> earlier = at("2026-03-11T09:00:00Z").bars(BarRequest.dailyYear("NVDA"));
        Bar day = earlier.get(earlier.size() - 1);
        assertEquals(LocalDate.parse("2026-03-10"), date(day));
        assertTrue(later.contains(day), "the 10 March bar is unchanged a week later");
    }

    @Test
    void barsEndAtTheLastCompletedTradingDay() {
        assertEquals(LocalDate.parse("2026-03-17"), last(at("2026-03-18T22:00:00Z")), "today is not complete");
        assertEquals(LocalDate.parse("2026-03-13"), last(at("2026-03-16T15:00:00Z")), "Monday: Friday's bar");
        assertEquals(LocalDate.parse("2026-04-02"), last(at("2026-04-06T15:00:00Z")), "after Good Friday");
    }

    private static LocalDate last(MarketData data) {
        List<Bar> bars = data.bars(BarRequest.dailyYear("AAPL"));
        return date(bars.get(bars.size() - 1));
    }

    @Test
    void theLookbackIsHonouredAndWeekendsSkipped() {
        MarketData data = at("2026-03-18T15:00:00Z");
        List<Bar> year = data.bars(BarRequest.dailyYear("AMD"));
        assertTrue(year.size() >= 248 && year.size() <= 253, "about 252 bars: " + year.size());
        assertTrue(!date(year.get(0)).isBefore(LocalDate.parse("2025-03-18")), "within the lookback");
        year.forEach(b -> assertTrue(date(b).getDayOfWeek() != DayOfWeek.SATURDAY
                && date(b).getDayOfWeek() != DayOfWeek.SUNDAY, "no weekend bar: " + b));
        List<Bar> month = data.bars(new BarRequest("AMD", Period.ofMonths(1), BarSize.ONE_DAY));
        assertTrue(month.size() >= 19 && month.size() <= 23, "about 21 bars: " + month.size());
        assertEquals(year.subList(year.size() - month.size(), year.size()), month, "the month is the year's tail");
    }

    @Test
    void symbolsThatAreNoTickersAreUnknown() {
        MarketData data = at("2026-03-18T15:00:00Z");
        for (String bad : new String[] {"aapl", "1ABC", "ABCDEFGHIJK", "AB CD", "AB-C", "ACME"}) {
            MarketDataException e = assertThrows(MarketDataException.class, () -> data.bars(BarRequest.dailyYear(bad)), bad);
            assertTrue(e.unknownSymbol(), bad);
        }
        assertEquals(data.bars(BarRequest.dailyYear("BRK.B")).size(), data.bars(BarRequest.dailyYear("A")).size(),
                "dots and one letter are fine (both listed)");
    }

    @Test
    void theWatchlistShowsRealisticPricesAndAVarietyOfSetups() {
        MarketData data = at("2026-03-18T15:00:00Z");
        int uptrends = 0;
        int downtrends = 0;
        int breakouts = 0;
        for (String symbol : WATCHLIST) {
            List<Bar> bars = data.bars(BarRequest.dailyYear(symbol));
            for (Bar b : bars) {
                assertTrue(b.volume() > 0, symbol + " trades");
            }
            int n = bars.size();
            double close = bars.get(n - 1).close();
            double sma50 = average(bars.subList(n - 50, n));
            double sma200 = average(bars.subList(n - 200, n));
            if (close > sma50 && sma50 > sma200) {
                uptrends++;
            } else if (close < sma50 && sma50 < sma200) {
                downtrends++;
            }
            for (int i = 20; i < n; i++) {
                double high20 = bars.subList(i - 20, i).stream().mapToDouble(Bar::high).max().orElseThrow();
                double volume20 = bars.subList(i - 20, i).stream().mapToLong(Bar::volume).average().orElseThrow();
                if (bars.get(i).close() > high20 && bars.get(i).volume() > 1.5 * volume20) {
                    breakouts++;
                    break;
                }
            }
        }
        assertTrue(uptrends >= 3, "uptrends: " + uptrends);
        assertTrue(downtrends >= 3, "downtrends: " + downtrends);
        assertTrue(breakouts >= 5, "symbols with a volume breakout in the year: " + breakouts);
    }

    @Test
    void wellKnownSymbolsTradeNearAPlausibleLevelNotAtMadeUpOnes() {
        MarketData data = at("2026-03-18T15:00:00Z");
        for (Bar b : data.bars(BarRequest.dailyYear("AAPL"))) {
            assertTrue(b.low() > 150 && b.high() < 450, "AAPL near where it traded, never 68.83: " + b);
        }
        for (Bar b : data.bars(BarRequest.dailyYear("F"))) {
            assertTrue(b.low() > 5 && b.high() < 30, "Ford is no 300-dollar stock: " + b);
        }
        assertTrue(data.source().simulated(), "said to be simulated");
        assertEquals("simulated", data.source().name());
        assertTrue(data.source().description().contains("not real quotes"), data.source().description());
    }

    @Test
    void anUnknownSymbolIsRefusedWithAClearReasonNotTraded() {
        PaperMarket m = PaperFactory.create(PaperConfig.defaults(),
                Clock.fixed(Instant.parse("2026-03-18T15:00:00Z"), ZoneOffset.UTC));
        try (m) {
            for (java.util.function.Consumer<String> call : List.<java.util.function.Consumer<String>>of(
                    s -> m.marketData().bars(BarRequest.dailyYear(s)), s -> m.marketData().quote(s),
                    s -> m.marketData().instrument(s))) {
                MarketDataException e = assertThrows(MarketDataException.class, () -> call.accept("ZZZZ"));
                assertTrue(e.unknownSymbol());
                assertTrue(e.getMessage().contains("ZZZZ is not one of the") && e.getMessage().contains("paper.market_data=csv"),
                        e.getMessage());
            }
            var r = m.broker().submitBracket(new tech.brokerbridge.ports.broker.BracketOrder("z", "ZZZZ",
                    tech.brokerbridge.ports.market.Direction.LONG, 1, 10, 9, 12));
            var rejected = org.junit.jupiter.api.Assertions.assertInstanceOf(
                    tech.brokerbridge.ports.broker.SubmitResult.Rejected.class, r);
            assertTrue(rejected.reason().contains("ZZZZ is not one of the"), rejected.reason());
        }
    }

    private static double average(List<Bar> bars) {
        return bars.stream().mapToDouble(Bar::close).average().orElseThrow();
    }
}
