package tech.brokerbridge.paper.internal;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.TrailingStop;

/**
 * One order of the paper exchange: a leg of a bracket, a closing order or a stand-alone stop.
 * Mutable; guarded by the exchange's lock. Its price and quantity change with a modification or the
 * cut of a partial close; a trailing stop moves its price as the market goes its way.
 */
final class PaperOrder {
    final String id;
    final OrderLeg leg;
    long quantity;
    /** Limit price (entry, take profit, limit close; 0 for a market close) or stop price (stop loss). */
    double price;
    Optional<TrailingStop> trailing = Optional.empty();
    OrderState state;
    long filledQuantity;
    double averageFillPrice;
    /** Set when the order fills (whole, in one execution); {@code null} until then. */
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
