package tech.brokerbridge.ports.broker;

import java.util.Objects;

/**
 * A position. {@code quantity} is signed: negative for a short position.
 */
public record Position(String symbol, long quantity, double averageCost, double marketPrice,
        double unrealizedPnl, double realizedPnl) {
    public Position {
        Objects.requireNonNull(symbol, "symbol");
    }

    /** Market value, signed like the quantity. */
    public double marketValue() {
        return quantity * marketPrice;
    }
}
