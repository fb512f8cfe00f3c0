package tech.brokerbridge.signals.internal;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;
import tech.brokerbridge.ports.signals.Setup;

/**
 * Turns a plugin's finding into a {@link Setup} with prices: entry at the last close, stop
 * {@code atrStopMultiple} ATRs away, target {@code rewardRiskTarget} times the risk beyond the entry.
 * Prices are in cents, rounded so that the reward:risk is never below the target.
 */
public final class SetupMaker {
    private final double atrStopMultiple;
    private final double rewardRiskTarget;

    public SetupMaker(double atrStopMultiple, double rewardRiskTarget) {
        this.atrStopMultiple = atrStopMultiple;
        this.rewardRiskTarget = rewardRiskTarget;
    }

    /**
     * The setup, or empty when the numbers do not make one (an ATR of zero, a stop or target at or
     * below zero, evidence that is not finite).
     */
    public Optional<Setup> make(String symbol, String type, Direction direction, double close, double atr,
            double strength, double quality, List<Evidence> evidence) {
        double risk = atrStopMultiple * atr;
        if (!(risk >= 0.01) || !(close > 0) || !Double.isFinite(risk)
                || evidence.stream().anyMatch(e -> !Double.isFinite(e.value()))) {
            return Optional.empty();
        }
        double entry = Math.round(close * 100) / 100.0;
        double stop;
        double target;
        if (direction == Direction.LONG) {
            stop = floorCents(entry - risk);
            target = ceilCents(entry + rewardRiskTarget * (entry - stop));
        } else {
            stop = ceilCents(entry + risk);
            target = floorCents(entry - rewardRiskTarget * (stop - entry));
        }
        if (!(stop > 0 && target > 0)) {
            return Optional.empty();
        }
        return Optional.of(new Setup(symbol, type, direction, evidence, unit(strength), unit(quality), entry, stop,
                target));
    }

    /** {@code x} clamped to [0,1]; NaN counts as 0. */
    public static double unit(double x) {
        return x > 0 ? Math.min(1, x) : 0;
    }

    /** Where {@code x} lies between {@code lo} (0) and {@code hi} (1), clamped. */
    public static double scale(double x, double lo, double hi) {
        return unit((x - lo) / (hi - lo));
    }

    public static Evidence evidence(String name, double value, String note) {
        return new Evidence(name, Math.round(value * 10_000) / 10_000.0, note);
    }

    private static double floorCents(double x) {
        return Math.floor(x * 100 + 1e-7) / 100.0;
    }

    private static double ceilCents(double x) {
        return Math.ceil(x * 100 - 1e-7) / 100.0;
    }
}
