package tech.brokerbridge.ports.broker;

import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;

/**
 * New levels for the protective legs of a bracket ({@link TradeControl#modify}): a new stop price, a
 * new target price, or both; with {@code trailing} the stop leg becomes a trailing stop starting at
 * {@code stopPrice}. Absent members leave their leg as it is.
 *
 * @throws IllegalArgumentException when nothing changes, a price is not positive and finite, or a
 *     trailing stop comes without its starting stop price
 */
public record ProtectionChange(OptionalDouble stopPrice, OptionalDouble targetPrice, Optional<TrailingStop> trailing) {
    public ProtectionChange {
        Require.nonNull("stopPrice", stopPrice, "targetPrice", targetPrice, "trailing", trailing);
        if (stopPrice.isEmpty() && targetPrice.isEmpty()) {
            throw new IllegalArgumentException("a change needs a new stop or a new target");
        }
        if (trailing.isPresent() && stopPrice.isEmpty()) {
            throw new IllegalArgumentException("a trailing stop needs its starting stop price");
        }
        for (OptionalDouble p : new OptionalDouble[] {stopPrice, targetPrice}) {
            if (p.isPresent() && !(p.getAsDouble() > 0 && Double.isFinite(p.getAsDouble()))) {
                throw new IllegalArgumentException("prices must be positive");
            }
        }
    }

    public static ProtectionChange stop(double price) {
        return new ProtectionChange(OptionalDouble.of(price), OptionalDouble.empty(), Optional.empty());
    }

    public static ProtectionChange target(double price) {
        return new ProtectionChange(OptionalDouble.empty(), OptionalDouble.of(price), Optional.empty());
    }

    /** The stop becomes {@code trail}, starting at {@code initialStop}. */
    public static ProtectionChange trailing(TrailingStop trail, double initialStop) {
        return new ProtectionChange(OptionalDouble.of(initialStop), OptionalDouble.empty(), Optional.of(trail));
    }
}
