package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * Real prices from another {@link MarketData} (IB Gateway's), with the orders kept and filled in the
 * local paper account: bars and quotes come from the source as they are (delayed when live data is
 * not permitted, and said so); the exchange's live price is the source's last price, asked at most
 * every {@link #FRESH_NANOS} ns per symbol. A live feed cannot replay the past: orders fill at the
 * price the source has when the exchange looks. A symbol the source failed to price is not asked again
 * for {@link #RETRY_NANOS} ns, so a source that is down does not hold the exchange up at every tick.
 * Thread-safe.
 */
final class ExternalFeed implements PriceFeed {
    /** How long a fetched price is used before the source is asked again. */
    static final long FRESH_NANOS = 2_000_000_000L;
    /** After a failed fetch, how long the source is not asked again for that symbol (it may block until its timeout). */
    static final long RETRY_NANOS = 30_000_000_000L;
    private final MarketData source;
    private final Map<String, Fetched> prices = new ConcurrentHashMap<>();
    private final Map<String, Double> ticks = new ConcurrentHashMap<>();
    private final Map<String, Failed> failures = new ConcurrentHashMap<>();

    private record Failed(MarketDataException error, long atNanos) {
    }

    private record Fetched(Quote quote, long atNanos) {
        boolean fresh() {
            return System.nanoTime() - atNanos < FRESH_NANOS;
        }
    }

    ExternalFeed(MarketData source) {
        this.source = source;
    }

    @Override
    public PriceSource source() {
        PriceSource s = source.source();
        return new PriceSource(s.name(), s.simulated(), s.description() + "; orders are kept and filled in the"
                + " local paper account");
    }

    @Override
    public void requireKnown(String symbol) {
        tick(symbol);
    }

    @Override
    public List<Bar> bars(BarRequest request, LocalDate today) {
        return source.bars(request);
    }

    @Override
    public double priceAt(String symbol, Instant time) {
        Fetched f = prices.get(symbol);
        try {
            return f != null && f.fresh() ? f.quote().price() : fetch(symbol).price();
        } catch (MarketDataException e) {
            if (f != null) {
                return f.quote().price(); // the last price seen beats none while the source is away
            }
            throw e;
        }
    }

    @Override
    public boolean replays() {
        return false;
    }

    /** The source's quote as it was fetched (delayed data stays labelled so); {@code livePrice} came from it. */
    @Override
    public Quote quote(String symbol, double livePrice, Instant now) {
        Fetched f = prices.get(symbol);
        return f != null && f.fresh() ? f.quote() : fetch(symbol);
    }

    @Override
    public double tick(String symbol) {
        Double t = ticks.get(symbol);
        if (t == null) {
            t = source.instrument(symbol).tick();
            ticks.put(symbol, t);
        }
        return t;
    }

    @Override
    public void forget(String symbol) {
        prices.remove(symbol);
        failures.remove(symbol);
    }

    /** Asks the source, unless it failed for this symbol a moment ago: then that failure again, at once. */
    private Quote fetch(String symbol) {
        Failed f = failures.get(symbol);
        if (f != null && System.nanoTime() - f.atNanos() < RETRY_NANOS) {
            throw f.error();
        }
        try {
            Quote q = source.quote(symbol);
            prices.put(symbol, new Fetched(q, System.nanoTime()));
            failures.remove(symbol);
            return q;
        } catch (MarketDataException e) {
            failures.put(symbol, new Failed(e, System.nanoTime()));
            throw e;
        }
    }
}
