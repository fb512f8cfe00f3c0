package tech.brokerbridge.core.internal.market;

import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.market.Quote;

/**
 * What a price is checked against: the symbol's last price and its tick.
 *
 * @param last the last price the bounds are centred on
 * @param tick the contract's tick (IB's minTick; 0.01 when the source does not say)
 * @param quote the quote {@code last} comes from, or empty when none could be had
 * @param basis the reference in words, e.g. {@code the last price 101.25 (ibkr, delayed)}
 */
public record PriceReference(String symbol, double last, double tick, Optional<Quote> quote, String basis) {
    public PriceReference {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(quote, "quote");
        Objects.requireNonNull(basis, "basis");
        if (!(last > 0) || !Double.isFinite(last) || !(tick > 0) || !Double.isFinite(tick)) {
            throw new IllegalArgumentException("a reference needs a finite positive price and tick");
        }
    }
}
