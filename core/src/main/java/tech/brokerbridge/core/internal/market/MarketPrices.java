package tech.brokerbridge.core.internal.market;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.PriceBasis;
import tech.brokerbridge.ports.market.Instrument;
import tech.brokerbridge.ports.market.MarketData;
import tech.brokerbridge.ports.market.MarketDataException;
import tech.brokerbridge.ports.market.PriceSource;
import tech.brokerbridge.ports.market.Quote;

/**
 * The desk's view of current prices: quotes and instruments from the {@link MarketData} port, each
 * outcome noted in the {@link MarketDataHealth}, and the {@link PriceReference} every price the desk
 * sends is checked against. Blocks on the source (bounded by its timeout). Thread-safe.
 */
public final class MarketPrices {
    /** The tick used when the source cannot say (US stocks above one dollar). */
    public static final double DEFAULT_TICK = 0.01;
    private static final Logger LOG = LoggerFactory.getLogger(MarketPrices.class);
    private final MarketData data;
    private final MarketDataHealth health;

    public MarketPrices(MarketData data, MarketDataHealth health) {
        this.data = Objects.requireNonNull(data, "data");
        this.health = Objects.requireNonNull(health, "health");
    }

    public PriceSource source() {
        return data.source();
    }

    public MarketDataHealth health() {
        return health;
    }

    /**
     * The symbol's last price now (delayed when live data is not permitted: the source says so).
     *
     * @throws MarketDataException when no price can be had; noted in the health
     */
    public Quote quote(String symbol) {
        try {
            Quote q = data.quote(symbol);
            health.quoted(q);
            return q;
        } catch (MarketDataException e) {
            health.failed(symbol, e);
            throw e;
        }
    }

    /** The symbol's tick and session, or empty when the source cannot say now (logged). */
    public Optional<Instrument> instrument(String symbol) {
        try {
            return Optional.of(data.instrument(symbol));
        } catch (MarketDataException e) {
            LOG.info("no tick or session for {}: {}", symbol, e.getMessage());
            return Optional.empty();
        }
    }

    /** A reference on {@code q}, with the instrument's tick ({@link #DEFAULT_TICK} when unknown). */
    public PriceReference reference(Quote q, Optional<Instrument> instrument) {
        double tick = instrument.map(Instrument::tick).orElse(DEFAULT_TICK);
        return new PriceReference(q.symbol(), q.price(), tick, Optional.of(q), "the last price " + plain(q.price())
                + " (" + describe(q) + ")");
    }

    /**
     * A reference on the current quote, or, when none can be had, on {@code fallback} (e.g. the
     * proposal's entry), saying so.
     */
    public PriceReference referenceOr(String symbol, double fallback, String fallbackName,
            Optional<Instrument> instrument) {
        try {
            return reference(quote(symbol), instrument);
        } catch (MarketDataException e) {
            double tick = instrument.map(Instrument::tick).orElse(DEFAULT_TICK);
            return new PriceReference(symbol, fallback, tick, Optional.empty(), fallbackName + " " + plain(fallback)
                    + " (no current price: " + e.getMessage() + ")");
        }
    }

    /** The basis a proposal keeps: the source, and the quote with its freshness. */
    public PriceBasis basis(Optional<Quote> q) {
        PriceSource s = data.source();
        return new PriceBasis(s.name(), s.simulated(), q.map(Quote::freshness),
                q.map(x -> OptionalDouble.of(x.price())).orElse(OptionalDouble.empty()));
    }

    /** e.g. {@code simulated}, {@code ibkr, delayed}, {@code csv, end of day}. */
    public String describe(Quote q) {
        PriceSource s = data.source();
        String fresh = q.freshness() == Quote.Freshness.REALTIME ? ""
                : ", " + q.freshness().wire().replace('_', ' ').toLowerCase(Locale.ROOT);
        return s.name() + fresh;
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
