package tech.brokerbridge.ports.broker;

import java.util.Optional;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.market.Direction;

/**
 * One order leg as the broker knows it now.
 *
 * @param brokerOrderId the broker's id for this leg
 * @param orderRef the ref the leg carries: the proposal id for a bracket's legs, the order's own ref
 *     for a closing order ({@code cls-…}) or a stand-alone stop ({@code stp-…})
 * @param direction the direction of the trade the leg belongs to (the stop of a long trade sells, and
 *     is {@code LONG}); for a closing order or a stand-alone stop, the side of the position it closes
 * @param limitOrStopPrice the limit price (entry, take profit, limit close) or the stop price (stop
 *     loss; for a trailing stop, where it stands now); 0 for a market close
 * @param trailing present when the stop loss trails the price
 */
public record OrderView(String brokerOrderId, String orderRef, OrderLeg leg, String symbol,
        Direction direction, long quantity, double limitOrStopPrice, OrderState state,
        long filledQuantity, double averageFillPrice, Optional<TrailingStop> trailing) {
    public OrderView {
        Require.nonNull("brokerOrderId", brokerOrderId, "orderRef", orderRef, "leg", leg, "symbol", symbol,
                "direction", direction, "state", state, "trailing", trailing);
    }

    /** A leg with a fixed price (not trailing). */
    public OrderView(String brokerOrderId, String orderRef, OrderLeg leg, String symbol, Direction direction,
            long quantity, double limitOrStopPrice, OrderState state, long filledQuantity, double averageFillPrice) {
        this(brokerOrderId, orderRef, leg, symbol, direction, quantity, limitOrStopPrice, state, filledQuantity,
                averageFillPrice, Optional.empty());
    }

    /** Shares still to be filled. */
    public long remainingQuantity() {
        return Math.max(0, quantity - filledQuantity);
    }
}
