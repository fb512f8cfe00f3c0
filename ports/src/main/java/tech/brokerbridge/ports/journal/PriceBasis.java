package tech.brokerbridge.ports.journal;

import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Quote;

/**
 * The prices a proposal was made on: their source ({@code simulated}, {@code ibkr}, {@code csv}, ...)
 * and, when a quote was had, the last price and how fresh it was (delayed data is said so).
 *
 * @param source the market data source's name; {@code unknown} for proposals made before it was kept
 * @param simulated true when the prices were simulated, not real quotes
 */
public record PriceBasis(String source, boolean simulated, Optional<Quote.Freshness> freshness,
        OptionalDouble lastPrice) {
    /** For proposals journaled before the basis was kept. */
    public static final PriceBasis UNKNOWN = new PriceBasis("unknown", false, Optional.empty(), OptionalDouble.empty());

    public PriceBasis {
        Require.nonNull("source", source, "freshness", freshness, "lastPrice", lastPrice);
    }

    /** True when the last price was delayed data. */
    public boolean delayed() {
        return freshness.map(Quote.Freshness::delayed).orElse(false);
    }
}
