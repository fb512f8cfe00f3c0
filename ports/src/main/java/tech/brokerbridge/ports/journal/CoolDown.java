package tech.brokerbridge.ports.journal;

import java.time.Instant;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;
import tech.brokerbridge.ports.market.Direction;

/**
 * A proposal the user rejected (or let expire) holds back the same symbol, direction and setup type
 * until {@code until}: a scan does not propose it again meanwhile unless the setup changed
 * materially from the prices turned down.
 *
 * @param proposalId the proposal that was turned down
 * @param at when it was rejected or expired
 * @param entryPrice the turned-down proposal's entry
 * @param stopPrice the turned-down proposal's stop
 */
public record CoolDown(String symbol, Direction direction, String setupType, Cause cause, String proposalId,
        Instant at, Instant until, double entryPrice, double stopPrice) {
    public CoolDown {
        Require.nonNull("symbol", symbol, "direction", direction, "setupType", setupType, "cause", cause,
                "proposalId", proposalId, "at", at, "until", until);
        if (until.isBefore(at)) {
            throw new IllegalArgumentException("a cool-down cannot end (" + until + ") before it starts (" + at + ")");
        }
    }

    /** True for the same symbol, direction and setup type: a cool-down replaces the one it shares them with. */
    public boolean sameSetupAs(CoolDown other) {
        return symbol.equals(other.symbol) && direction == other.direction && setupType.equals(other.setupType);
    }

    /** Why the proposal was turned down. */
    public enum Cause implements WireName {
        REJECTED, EXPIRED;

        public static Cause fromWire(String s) {
            return WireName.fromWire(Cause.class, s);
        }
    }
}
