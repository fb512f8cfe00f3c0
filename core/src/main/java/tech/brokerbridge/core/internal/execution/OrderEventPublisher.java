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
 * Publishes what a broker event meant for a bracket, after {@link OrderEventHandler} applied it: the
 * leg's new state ({@code order.leg}) and a position opened (the entry filled completely). Events for
 * refs the desk never sent are ignored, as the handler ignores them. A position going flat, the orders
 * actions on trades placed, and a position left without a stop ({@code unprotected_position}, found
 * from the broker's positions and open orders, so a close cutting its stop is no warning) are
 * published by looking after open trades ({@code trades.TradeEvents}).
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
        } else if (event instanceof OrderEvent.Rejected r) {
            hub.publish((id, t) -> new DeskEvent.LegUpdated(id, t, ref, symbol, leg, "rejected", r.reason()));
        } else if (event instanceof OrderEvent.Modified m) {
            hub.publish((id, t) -> new DeskEvent.LegUpdated(id, t, ref, symbol, leg, "modified",
                    m.quantity() + " at " + m.price()));
        } else if (event instanceof OrderEvent.Filled f && f.complete() && leg == OrderLeg.ENTRY) {
            long sign = rec.direction() == Direction.SHORT ? -1 : 1;
            long qty = sign * orders.fills(ref).stream().filter(x -> x.leg() == leg).mapToLong(FillRecord::quantity)
                    .sum();
            hub.publish((id, t) -> new DeskEvent.PositionOpened(id, t, symbol, qty, f.price(), ref));
        }
    }
}
