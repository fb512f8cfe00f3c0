package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import tech.brokerbridge.ports.market.Bar;
import tech.brokerbridge.ports.market.BarRequest;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * Where the paper exchange's prices come from: the simulation ({@link PriceModel}), a folder of
 * daily bars ({@link CsvFeed}) or a real source such as IB Gateway ({@link ExternalFeed}). The
 * exchange fills against whichever it is given, with the same session rules ({@link TradingCalendar}).
 * Every method may throw {@link tech.brokerbridge.ports.market.MarketDataException}. Thread-safe.
 */
interface PriceFeed {
    PriceSource source();

    /** Throws when {@code symbol} cannot be priced (unknown symbol, invalid data, no permission). */
    void requireKnown(String symbol);

    /** Daily bars for the request, ending at the last completed day before {@code today} (UTC). */
    List<Bar> bars(BarRequest request, LocalDate today);

    /** The price at {@code time}; a live feed answers its latest price whatever the time. */
    double priceAt(String symbol, Instant time);

    /** True when {@link #priceAt} replays any past moment (simulation, files; the default); false for a live feed. */
    default boolean replays() {
        return true;
    }

    /** The quote to show for {@code symbol}, whose live price at the exchange is {@code livePrice}. */
    Quote quote(String symbol, double livePrice, Instant now);

    /** The symbol's price tick: a cent unless the source knows better. */
    default double tick(String symbol) {
        return 0.01;
    }

    /** The source's price of {@code symbol} changed: forget any copy of it (a live feed's cache). */
    default void forget(String symbol) {
    }
}
