package tech.brokerbridge.ports.broker;

import java.util.Objects;
import tech.brokerbridge.ports.market.Direction;

/**
 * One order leg as the broker knows it now.
 *
 * @param brokerOrderId the broker's id for this leg
 * @param orderRef the proposal id the bracket was tagged with
 * @param limitOrStopPrice the limit price (entry, take profit) or the stop price (stop loss)
 */
public record OrderView(String brokerOrderId, String orderRef, OrderLeg leg, String symbol,
        Direction direction, long quantity, double limitOrStopPrice, OrderState state,
        long filledQuantity, double averageFillPrice) {
    public OrderView {
        Objects.requireNonNull(brokerOrderId, "brokerOrderId");
        Objects.requireNonNull(orderRef, "orderRef");
        Objects.requireNonNull(leg, "leg");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
    }
}
