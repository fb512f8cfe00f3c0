package tech.brokerbridge.ports.desk;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The user's change to a bracket's protective legs: a new stop price, a new target price, the stop
 * moved to breakeven (the average entry price), or the stop made a trailing stop of
 * {@code trailingPercent} of the price. At most one of the three stop changes.
 */
public record ModifyRequest(OptionalDouble stopPrice, OptionalDouble targetPrice, boolean stopToBreakeven,
        OptionalDouble trailingPercent, ActionOptions options) {
    public ModifyRequest {
        Objects.requireNonNull(stopPrice, "stopPrice");
        Objects.requireNonNull(targetPrice, "targetPrice");
        Objects.requireNonNull(trailingPercent, "trailingPercent");
        Objects.requireNonNull(options, "options");
    }

    /** True when it changes the stop. */
    public boolean changesStop() {
        return stopPrice.isPresent() || stopToBreakeven || trailingPercent.isPresent();
    }
}
