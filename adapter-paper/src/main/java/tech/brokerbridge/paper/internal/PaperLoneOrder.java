package tech.brokerbridge.paper.internal;

import java.util.Optional;
import tech.brokerbridge.paper.internal.AccountState.Execution;
import tech.brokerbridge.paper.internal.AccountState.LoneOrderState;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.market.Direction;

/**
 * An order of the paper exchange that is not part of a bracket: a closing order (leg {@code CLOSE})
 * or a stand-alone stop (leg {@code STOP_LOSS}), under its own ref. Guarded by the exchange's lock.
 *
 * @param positionDirection the side of the position it closes: the order itself is the opposite
 */
record PaperLoneOrder(String ref, String symbol, Direction positionDirection, PaperOrder order) {
    static PaperLoneOrder from(LoneOrderState s) {
        PaperOrder o = new PaperOrder(s.id(), s.leg(), s.quantity(), s.price(), s.state());
        s.execution().ifPresent(x -> o.filled(x.executionId(), x.price(), x.time()));
        return new PaperLoneOrder(s.ref(), s.symbol(), s.positionDirection(), o);
    }

    LoneOrderState state() {
        Optional<Execution> x = order.state == OrderState.FILLED
                ? Optional.of(new Execution(order.executionId, order.averageFillPrice, order.filledAt))
                : Optional.empty();
        return new LoneOrderState(ref, order.leg, order.id, symbol, positionDirection, order.quantity, order.price,
                order.state, x);
    }

    OrderView view() {
        return new OrderView(order.id, ref, order.leg, symbol, positionDirection, order.quantity, order.price,
                order.state, order.filledQuantity, order.averageFillPrice, order.trailing);
    }

    boolean closes() {
        return order.leg == OrderLeg.CLOSE;
    }
}
