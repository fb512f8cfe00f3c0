package tech.brokerbridge.ibkr.internal.order;

import java.util.Optional;
import tech.brokerbridge.ibkr.internal.msg.Contract;
import tech.brokerbridge.ibkr.internal.msg.OrderParams;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.TrailingStop;
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
    Optional<TrailingStop> trailing = Optional.empty();
    /** The order as last sent or reported, to send a modification of it; null for a leg known only from a fill. */
    OrderParams params;
    Contract contract;
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
                Math.round(filled), avgFillPrice, trailing);
    }

    LegInfo info() {
        return new LegInfo(orderId, orderRef, leg, state, Math.round(quantity), Math.round(filled), price, params,
                contract);
    }
}
