package tech.brokerbridge.ibkr.internal.order;

import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.market.Direction;

/** One order leg as the tracker knows it. Mutable; guarded by the tracker's lock. */
final class TrackedLeg {
    final int orderId;
    final String orderRef;
    OrderLeg leg;
    String symbol;
    Direction direction;
    double quantity;
    double price;
    OrderState state = OrderState.PENDING;
    double filled;
    double avgFillPrice;
    /** The gateway said something about this leg (status, open order or an error). */
    boolean answered;
    boolean workingReported;
    String lastError = "";
    String cancelReason = "";

    TrackedLeg(int orderId, String orderRef, OrderLeg leg, String symbol, Direction direction, double quantity,
            double price) {
        this.orderId = orderId;
        this.orderRef = orderRef;
        this.leg = leg;
        this.symbol = symbol;
        this.direction = direction;
        this.quantity = quantity;
        this.price = price;
    }

    String brokerId() {
        return Integer.toString(orderId);
    }

    OrderView view() {
        return new OrderView(brokerId(), orderRef, leg, symbol, direction, Math.round(quantity), price, state,
                Math.round(filled), avgFillPrice);
    }
}
