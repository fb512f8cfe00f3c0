package tech.brokerbridge.ports.fakes;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.Instrument;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.MarketSession;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * In-memory {@link MarketData}: bars set per symbol, or a failure per symbol; an unknown symbol
 * throws {@link MarketDataException#unknownSymbol}. A request gets the bars of its lookback, counted
 * back from the symbol's latest bar, as a real source counts back from today (proven by
 * {@code FakeMarketDataContractTest}). Records every request. Thread-safe.
 *
 * <p>Quotes: the symbol's last close, {@link Quote.Freshness#REALTIME} unless a test sets a price, a
 * freshness or a failure ({@link #quote(String, double, Quote.Freshness)}, {@link #failQuote}). Every
 * symbol ticks in cents; the session is open until a test closes it ({@link #session}).
 */
public final class FakeMarketData implements MarketData {
    private final Map<String, List<Bar>> bars = new ConcurrentHashMap<>();
    private final Map<String, MarketDataException> failures = new ConcurrentHashMap<>();
    private final List<BarRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Quote> quotes = new ConcurrentHashMap<>();
    private final Map<String, MarketDataException> quoteFailures = new ConcurrentHashMap<>();
    private volatile MarketSession session = new MarketSession.Open(Instant.parse("2100-01-01T21:00:00Z"));
    private volatile PriceSource source = new PriceSource("fake", false, "prices a test set");

    public FakeMarketData put(String symbol, List<Bar> series) {
        bars.put(symbol, List.copyOf(series));
        failures.remove(symbol);
        return this;
    }

    /** Gives {@code symbol} {@code count} daily bars, one per weekday, ending before {@code end}; see {@link #series}. */
    public FakeMarketData putSeries(String symbol, int count, double start, Instant end) {
        return put(symbol, series(count, start, end));
    }

    public FakeMarketData fail(String symbol, MarketDataException e) {
        failures.put(symbol, e);
        return this;
    }

    /** The symbol's quote from now on. */
    public FakeMarketData quote(String symbol, double price, Quote.Freshness freshness) {
        quotes.put(symbol, new Quote(symbol, price, freshness, Instant.parse("2026-01-05T15:00:00Z")));
        quoteFailures.remove(symbol);
        return this;
    }

    /** The symbol's quote fails with {@code e} from now on (its bars are unaffected). */
    public FakeMarketData failQuote(String symbol, MarketDataException e) {
        quoteFailures.put(symbol, e);
        return this;
    }

    /** Every symbol's session from now on. */
    public FakeMarketData session(MarketSession s) {
        this.session = s;
        return this;
    }

    public FakeMarketData source(PriceSource s) {
        this.source = s;
        return this;
    }

    public List<BarRequest> requests() {
        return List.copyOf(requests);
    }

    @Override
    public List<Bar> bars(BarRequest request) {
        requests.add(request);
        MarketDataException e = failures.get(request.symbol());
        if (e != null) {
            throw e;
        }
        List<Bar> b = bars.get(request.symbol());
        if (b == null) {
            throw MarketDataException.unknownSymbol(request.symbol());
        }
        return lookback(b, request);
    }

    @Override
    public Quote quote(String symbol) {
        MarketDataException e = quoteFailures.getOrDefault(symbol, failures.get(symbol));
        if (e != null) {
            throw e;
        }
        Quote q = quotes.get(symbol);
        if (q != null) {
            return q;
        }
        List<Bar> b = bars.get(symbol);
        if (b == null || b.isEmpty()) {
            throw MarketDataException.unknownSymbol(symbol);
        }
        Bar last = b.get(b.size() - 1);
        return new Quote(symbol, last.close(), Quote.Freshness.REALTIME, last.time());
    }

    @Override
    public Instrument instrument(String symbol) {
        if (!bars.containsKey(symbol) && !quotes.containsKey(symbol)) {
            throw MarketDataException.unknownSymbol(symbol);
        }
        return new Instrument(symbol, 0.01, session);
    }

    @Override
    public PriceSource source() {
        return source;
    }

    /** The bars after the latest bar's time minus the lookback. */
    private static List<Bar> lookback(List<Bar> series, BarRequest request) {
        if (series.isEmpty()) {
            return series;
        }
        Instant latest = series.get(series.size() - 1).time();
        Instant from = latest.atZone(ZoneOffset.UTC).minus(request.lookback()).toInstant();
        return series.stream().filter(bar -> bar.time().isAfter(from)).toList();
    }

    /**
     * A deterministic daily series, oldest first, gently rising from {@code start}: one bar per
     * weekday (a trading day, holidays aside), the last on the weekday before {@code end}.
     */
    public static List<Bar> series(int count, double start, Instant end) {
        List<Instant> days = new ArrayList<>(count);
        Instant t = end.minus(Duration.ofDays(1));
        while (days.size() < count) {
            DayOfWeek day = t.atZone(ZoneOffset.UTC).getDayOfWeek();
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                days.add(0, t);
            }
            t = t.minus(Duration.ofDays(1));
        }
        List<Bar> out = new ArrayList<>(count);
        double price = start;
        for (int i = 0; i < count; i++) {
            double open = price;
            double close = price * (1 + ((i % 7) - 3) * 0.002 + 0.001);
            double high = Math.max(open, close) * 1.005;
            double low = Math.min(open, close) * 0.995;
            out.add(new Bar(days.get(i), open, high, low, close, 1_000_000L + i * 1000L));
            price = close;
        }
        return out;
    }
}
