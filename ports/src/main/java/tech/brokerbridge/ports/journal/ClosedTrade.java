package tech.brokerbridge.ports.journal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;
import tech.brokerbridge.ports.market.Direction;

/**
 * A trade that went flat: from its entry fills to its last exit fill.
 *
 * @param tradeId the bracket's order ref (the proposal id)
 * @param quantity shares traded (entered, and exited)
 * @param entryPrice average entry price
 * @param exitPrice average exit price over every exit (stop, target, closes)
 * @param grossPnl (exit − entry) × quantity, signed by the direction, before commissions
 * @param commissions what the broker charged for every entry and exit execution it reported
 * @param initialRisk quantity × |entry − initial stop|: what the trade risked when it was approved
 * @param exitReason what took the last shares out
 */
public record ClosedTrade(String tradeId, Optional<String> proposalId, String symbol, Direction direction,
        String setupType, String advisor, long quantity, Instant entryTime, double entryPrice, Instant exitTime,
        double exitPrice, double grossPnl, double commissions, double initialRisk, ExitReason exitReason) {
    public ClosedTrade {
        Require.nonNull("tradeId", tradeId, "proposalId", proposalId, "symbol", symbol, "direction", direction,
                "setupType", setupType, "advisor", advisor, "entryTime", entryTime, "exitTime", exitTime,
                "exitReason", exitReason);
        if (exitTime.isBefore(entryTime)) {
            throw new IllegalArgumentException("a trade cannot exit (" + exitTime + ") before it entered ("
                    + entryTime + ")");
        }
    }

    /** Realized profit and loss: gross less commissions. */
    public double realizedPnl() {
        return grossPnl - commissions;
    }

    /** Realized P&amp;L in units of the initial risk; empty when the risk was zero. */
    public OptionalDouble rMultiple() {
        return initialRisk > 0 ? OptionalDouble.of(realizedPnl() / initialRisk) : OptionalDouble.empty();
    }

    public Duration holding() {
        return Duration.between(entryTime, exitTime);
    }

    /** What closed the trade: its target, its stop, the user's close, or the kill switch's flatten. */
    public enum ExitReason implements WireName {
        TARGET, STOP, CLOSE, FLATTEN;

        public static ExitReason fromWire(String s) {
            return WireName.fromWire(ExitReason.class, s);
        }
    }
}
