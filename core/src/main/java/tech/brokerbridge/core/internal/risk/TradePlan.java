package tech.brokerbridge.core.internal.risk;

import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.market.Direction;

/**
 * A trade the gates judge.
 *
 * @param proposalId the proposal this trade belongs to, when it already exists (it does not count as
 *     "a pending proposal already in that symbol" against itself)
 */
public record TradePlan(String symbol, Direction direction, double entry, double stop, double target, long quantity,
        Optional<String> proposalId) {
    public TradePlan {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(proposalId, "proposalId");
    }

    /** Loss per share if the stop is hit (positive for a sane trade). */
    public double riskPerShare() {
        return (entry - stop) * direction.sign();
    }

    /** Gain per share if the target is hit (positive for a sane trade). */
    public double rewardPerShare() {
        return (target - entry) * direction.sign();
    }

    public TradePlan withQuantity(long q) {
        return new TradePlan(symbol, direction, entry, stop, target, q, proposalId);
    }
}
