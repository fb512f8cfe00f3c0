package tech.brokerbridge.core.internal.execution;

import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.core.internal.events.EventHub;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.market.Direction;

/**
 * Publishes what a broker event meant for the desk, after {@link OrderEventHandler} applied it: the
 * leg's new state ({@code order.leg}), a position opened (the entry filled completely) or closed (the
 * stop or the target filled completely), and an {@code unprotected_position} warning when the stop of
 * a filled position is cancelled or rejected while the position is still open. Events for refs the desk
 * never sent are ignored, as the handler ignores them.
 */
public final class OrderEventPublisher {
    private final OrderLog orders;
    private final EventHub hub;

    public OrderEventPublisher(OrderLog orders, EventHub hub) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    public void published(OrderEvent event) {
        Optional<OrderRecord> found = orders.findOrder(event.orderRef());
        if (found.isEmpty()) {
            return;
        }
        OrderRecord rec = found.get();
        String ref = event.orderRef();
        String symbol = rec.symbol();
        OrderLeg leg = event.leg();
        if (event instanceof OrderEvent.Working) {
            hub.publish((id, t) -> new DeskEvent.LegUpdated(id, t, ref, symbol, leg, "working", "working at the broker"));
        } else if (event instanceof OrderEvent.Cancelled c) {
            hub.publish((id, t) -> new DeskEvent.LegUpdated(id, t, ref, symbol, leg, "cancelled", c.reason()));
            warnIfUnprotected(rec, leg, "cancelled: " + c.reason());
        } else if (event instanceof OrderEvent.Rejected r) {
            hub.publish((id, t) -> new DeskEvent.LegUpdated(id, t, ref, symbol, leg, "rejected", r.reason()));
            warnIfUnprotected(rec, leg, "rejected: " + r.reason());
        } else if (event instanceof OrderEvent.Filled f && f.complete()) {
            long sign = rec.direction() == Direction.SHORT ? -1 : 1;
            long qty = sign * orders.fills(ref).stream().filter(x -> x.leg() == leg).mapToLong(FillRecord::quantity)
                    .sum();
            if (leg == OrderLeg.ENTRY) {
                hub.publish((id, t) -> new DeskEvent.PositionOpened(id, t, symbol, qty, f.price(), ref));
            } else {
                hub.publish((id, t) -> new DeskEvent.PositionClosed(id, t, symbol, qty, f.price(), ref,
                        leg.wire() + " filled at " + f.price()));
            }
        }
    }

    private void warnIfUnprotected(OrderRecord rec, OrderLeg leg, String what) {
        if (leg != OrderLeg.STOP_LOSS || rec.state() != OrderRecord.State.ENTRY_FILLED) {
            return;
        }
        String message = "unprotected position: the stop of " + rec.symbol() + " (" + rec.orderRef() + ") was "
                + what + "; the position is open without a stop";
        hub.publish((id, t) -> new DeskEvent.Warning(id, t, "unprotected_position", message,
                Optional.of(rec.symbol())));
    }
}
