package tech.brokerbridge.ports.desk;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;
import tech.brokerbridge.ports.broker.OrderView;

/**
 * An open position as the desk looks after it: the broker's position, the desk's bracket that opened
 * it (if the desk opened it), and the orders that protect or close it, with their states.
 *
 * @param quantity signed: negative for a short
 * @param orderRef the desk's bracket that opened it; empty for a position opened elsewhere (the IB app)
 * @param legs the working or held orders on this position: stop losses, take profits and closing
 *     orders, of the desk's bracket or not
 * @param unprotectedQuantity shares that neither a working stop nor a working closing order covers
 */
public record PositionView(String symbol, long quantity, double averageCost, double marketPrice, double unrealizedPnl,
        Optional<String> orderRef, Optional<String> proposalId, List<OrderView> legs, Protection protection,
        long unprotectedQuantity) {
    public PositionView {
        Require.nonNull("symbol", symbol, "orderRef", orderRef, "proposalId", proposalId, "protection", protection);
        legs = List.copyOf(legs);
    }

    /**
     * protected: working stops cover every share; closing: what no stop covers is being closed by a
     * working closing order; unprotected: some shares have neither (a warning: the desk offers
     * "re-arm stop" and never does it by itself).
     */
    public enum Protection implements WireName {
        PROTECTED, CLOSING, UNPROTECTED;
    }

    /** The warning health shows for an unprotected position. */
    public Optional<String> warning() {
        return warning(Optional.empty());
    }

    /**
     * The warning for an unprotected position, saying how it lost its stop when that is known (e.g. the
     * broker's reason for cancelling it).
     */
    public Optional<String> warning(Optional<String> cause) {
        if (protection != Protection.UNPROTECTED) {
            return Optional.empty();
        }
        return Optional.of("unprotected position: " + symbol + " " + quantity + " shares, " + unprotectedQuantity
                + " without a working stop" + cause.map(c -> " (" + c + ")").orElse("")
                + "; re-arm the stop (POST /api/positions/" + symbol + "/rearm-stop) or close it");
    }
}
