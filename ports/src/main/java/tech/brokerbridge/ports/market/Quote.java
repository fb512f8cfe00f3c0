package tech.brokerbridge.ports.market;

import java.time.Instant;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;

/**
 * The last price of a symbol as a source has it now, and how fresh it is.
 *
 * @param price the last traded price (or the close, for {@link Freshness#END_OF_DAY}); finite and positive
 * @param asOf when the source answered
 */
public record Quote(String symbol, double price, Freshness freshness, Instant asOf) {
    public Quote {
        Require.nonNull("symbol", symbol, "freshness", freshness, "asOf", asOf);
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("a quote's price must be finite and positive, got " + price);
        }
    }

    /** How fresh a price is (IB's market data types 1 to 4, and end-of-day files). */
    public enum Freshness implements WireName {
        /** Live: the market now (or the simulation's now). */
        REALTIME,
        /** Delayed by the exchange's delay (typically 15 minutes): live data is not permitted. */
        DELAYED,
        /** The last live price before the market closed. */
        FROZEN,
        /** The last delayed price before the market closed. */
        DELAYED_FROZEN,
        /** The last close of a daily series (end-of-day data). */
        END_OF_DAY;

        /** True for the delayed kinds: the user must be told. */
        public boolean delayed() {
            return this == DELAYED || this == DELAYED_FROZEN;
        }
    }
}
