package tech.brokerbridge.ports.broker;

import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;

/**
 * An order that closes {@code quantity} shares of a position, at market or at a limit
 * ({@link TradeControl#close}). The closing order is the opposite of the position's side (a sell for
 * a long). When {@code bracketRef} names the bracket that opened the position, its working stop loss
 * and take profit are adjusted in the same step: reduced by {@code quantity}, or cancelled when
 * nothing is left for them to protect, so that no protective leg outlives the shares it protects.
 *
 * @param closeRef this order's own ref (it starts with {@value #REF_PREFIX}, so a broker that rebuilds
 *     its view from the exchange can tell a closing order from an entry): the broker tags the order with
 *     it, {@link Broker#ordersByRef} finds it (leg {@link OrderLeg#CLOSE}), its events carry it, and a
 *     second close with the same ref is refused as a duplicate
 * @param positionDirection the side of the position being closed
 * @param limitPrice the limit; empty for a market order
 */
public record CloseOrder(String closeRef, Optional<String> bracketRef, String symbol, Direction positionDirection,
        long quantity, OptionalDouble limitPrice) {
    /** Every close ref starts with this. */
    public static final String REF_PREFIX = "cls-";

    public CloseOrder {
        Require.nonNull("closeRef", closeRef, "bracketRef", bracketRef, "symbol", symbol,
                "positionDirection", positionDirection, "limitPrice", limitPrice);
        if (!closeRef.startsWith(REF_PREFIX) || closeRef.length() == REF_PREFIX.length()) {
            throw new IllegalArgumentException("a close ref starts with " + REF_PREFIX + ": " + closeRef);
        }
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        if (limitPrice.isPresent() && !(limitPrice.getAsDouble() > 0 && Double.isFinite(limitPrice.getAsDouble()))) {
            throw new IllegalArgumentException("the limit price must be positive");
        }
    }

    /** True for a ref of a closing order. */
    public static boolean isCloseRef(String ref) {
        return ref.startsWith(REF_PREFIX);
    }
}
