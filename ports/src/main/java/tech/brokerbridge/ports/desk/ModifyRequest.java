package tech.brokerbridge.ports.desk;

import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.broker.TrailingStop;

/**
 * The user's change to a bracket's protective legs: a new stop price, a new target price, the stop
 * moved to breakeven (the average entry price), or the stop made a trailing stop of
 * {@code trailingPercent} of the price or {@code trailingAmount} in price units (IB's {@code TRAIL}).
 * At most one of the four stop changes.
 */
public record ModifyRequest(OptionalDouble stopPrice, OptionalDouble targetPrice, boolean stopToBreakeven,
        OptionalDouble trailingPercent, OptionalDouble trailingAmount, ActionOptions options) {
    public ModifyRequest {
        Require.nonNull("stopPrice", stopPrice, "targetPrice", targetPrice, "trailingPercent", trailingPercent,
                "trailingAmount", trailingAmount, "options", options);
    }

    /** Without a trailing amount. */
    public ModifyRequest(OptionalDouble stopPrice, OptionalDouble targetPrice, boolean stopToBreakeven,
            OptionalDouble trailingPercent, ActionOptions options) {
        this(stopPrice, targetPrice, stopToBreakeven, trailingPercent, OptionalDouble.empty(), options);
    }

    /** True when it changes the stop. */
    public boolean changesStop() {
        return stopPrice.isPresent() || stopToBreakeven || trailingPercent.isPresent() || trailingAmount.isPresent();
    }

    /** The trailing stop asked for, if any (the percent when both were given, which validation refuses). */
    public Optional<TrailingStop> trailing() {
        if (trailingPercent.isPresent()) {
            return Optional.of(TrailingStop.percent(trailingPercent.getAsDouble()));
        }
        return trailingAmount.isPresent() ? Optional.of(TrailingStop.amount(trailingAmount.getAsDouble()))
                : Optional.empty();
    }
}
