package tech.brokerbridge.ports.broker;

import java.util.Objects;
import tech.brokerbridge.ports.WireName;
import tech.brokerbridge.ports.market.Direction;

/**
 * A stop that follows the price: it keeps {@code value} (an amount of money per share, or a percent
 * of the price) away from the best price seen since it started, and only ever moves in the trade's
 * favour. IB's {@code TRAIL} order; the paper broker simulates it the same way (see {@link #follow}).
 *
 * @param value the trailing amount (in price units) or percent (0 &lt; percent &lt; 100); positive
 */
public record TrailingStop(Kind kind, double value) {
    /** Whether {@code value} is an amount or a percent. */
    public enum Kind implements WireName {
        AMOUNT, PERCENT;
    }

    public TrailingStop {
        Objects.requireNonNull(kind, "kind");
        if (!(value > 0) || !Double.isFinite(value) || (kind == Kind.PERCENT && value >= 100)) {
            throw new IllegalArgumentException("a trailing " + kind.wire() + " must be positive"
                    + (kind == Kind.PERCENT ? " and below 100" : ""));
        }
    }

    public static TrailingStop percent(double percent) {
        return new TrailingStop(Kind.PERCENT, percent);
    }

    public static TrailingStop amount(double amount) {
        return new TrailingStop(Kind.AMOUNT, amount);
    }

    /** The stop this trail puts {@code price} away from, for a position in {@code direction}. */
    public double stopFrom(Direction direction, double price) {
        double distance = kind == Kind.AMOUNT ? value : price * value / 100.0;
        return direction == Direction.LONG ? price - distance : price + distance;
    }

    /**
     * The stop after the market traded at {@code price}: the trail's stop from that price when it is
     * tighter than {@code currentStop}, else {@code currentStop} (a trailing stop never loosens).
     */
    public double follow(Direction direction, double currentStop, double price) {
        double candidate = stopFrom(direction, price);
        return direction == Direction.LONG ? Math.max(currentStop, candidate) : Math.min(currentStop, candidate);
    }
}
