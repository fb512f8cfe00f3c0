package tech.brokerbridge.ports.broker;

import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;

/**
 * A stop-loss order on its own ({@link TradeControl#protect}), for a position whose stop is gone:
 * "re-arm stop". The order is the opposite of the position's side, good till cancelled.
 *
 * @param ref the order's own ref (it starts with {@value #REF_PREFIX}); the leg is
 *     {@link OrderLeg#STOP_LOSS}; a second order with the same ref is refused as a duplicate
 * @param positionDirection the side of the position it protects
 */
public record StopOrder(String ref, String symbol, Direction positionDirection, long quantity, double stopPrice) {
    /** Every stop-order ref starts with this. */
    public static final String REF_PREFIX = "stp-";

    public StopOrder {
        Require.nonNull("ref", ref, "symbol", symbol, "positionDirection", positionDirection);
        if (!ref.startsWith(REF_PREFIX) || ref.length() == REF_PREFIX.length()) {
            throw new IllegalArgumentException("a stop order's ref starts with " + REF_PREFIX + ": " + ref);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (!(stopPrice > 0 && Double.isFinite(stopPrice))) {
            throw new IllegalArgumentException("the stop price must be positive");
        }
    }

    /** True for a ref of a stop order placed on its own. */
    public static boolean isStopRef(String ref) {
        return ref.startsWith(REF_PREFIX);
    }
}
