package tech.brokerbridge.paper.internal;

import java.time.Instant;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;

/** One leg of a paper bracket. Mutable; guarded by the exchange's lock. */
final class PaperOrder {
    final String id;
    final OrderLeg leg;
    final long quantity;
    /** Limit price (entry, take profit) or stop price (stop loss). */
    final double price;
    OrderState state;
    long filledQuantity;
    double averageFillPrice;
    /** Set when the leg fills (whole, in one execution); {@code null} until then. */
    String executionId;
    Instant filledAt;

    PaperOrder(String id, OrderLeg leg, long quantity, double price, OrderState state) {
        this.id = id;
        this.leg = leg;
        this.quantity = quantity;
        this.price = price;
        this.state = state;
    }

    boolean live() {
        return !state.done();
    }

    void filled(String execution, double fillPrice, Instant time) {
        state = OrderState.FILLED;
        filledQuantity = quantity;
        averageFillPrice = fillPrice;
        executionId = execution;
        filledAt = time;
    }
}
