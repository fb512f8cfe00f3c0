package tech.brokerbridge.ports.broker;

import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;

/**
 * A bracket: a limit entry (the parent), a stop-loss child and a take-profit limit child; the two
 * children cancel each other (one-cancels-other). {@code orderRef} is the proposal id and travels
 * with every leg, so the broker can tell whether it already knows this bracket.
 */
public record BracketOrder(String orderRef, String symbol, Direction direction, long quantity,
        double entryLimit, double stopLoss, double takeProfit) {
    public BracketOrder {
        Require.nonNull("orderRef", orderRef, "symbol", symbol, "direction", direction);
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (!(entryLimit > 0 && stopLoss > 0 && takeProfit > 0)) {
            throw new IllegalArgumentException("prices must be positive");
        }
        boolean sane = direction == Direction.LONG
                ? stopLoss < entryLimit && takeProfit > entryLimit
                : stopLoss > entryLimit && takeProfit < entryLimit;
        if (!sane) {
            throw new IllegalArgumentException("stop and target must be on the right sides of the entry");
        }
    }
}
