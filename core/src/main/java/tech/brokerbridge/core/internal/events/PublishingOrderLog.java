package tech.brokerbridge.core.internal.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;

/**
 * The order log that publishes, after each durable write, the bracket record saved
 * ({@code order.updated}) and each new fill ({@code order.fill}; a fill recorded again publishes nothing).
 */
public final class PublishingOrderLog implements OrderLog {
    private final OrderLog journal;
    private final EventHub hub;

    public PublishingOrderLog(OrderLog journal, EventHub hub) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public void saveOrder(OrderRecord order) {
        journal.saveOrder(order);
        hub.publish((id, t) -> new DeskEvent.OrderUpdated(id, t, order));
    }

    /** The journal's own progress write (not synced by itself), so that progress costs no sync here either. */
    @Override
    public void saveOrderProgress(OrderRecord order) {
        journal.saveOrderProgress(order);
        hub.publish((id, t) -> new DeskEvent.OrderUpdated(id, t, order));
    }

    @Override
    public boolean recordFill(FillRecord fill) {
        boolean added = journal.recordFill(fill);
        if (added) {
            hub.publish((id, t) -> new DeskEvent.FillReceived(id, t, fill));
        }
        return added;
    }

    /** A commission changes no state a subscriber follows (the closed trade it changes is published by its own). */
    @Override
    public boolean recordCommission(String executionId, double amount) {
        return journal.recordCommission(executionId, amount);
    }

    @Override
    public Optional<OrderRecord> findOrder(String orderRef) {
        return journal.findOrder(orderRef);
    }

    @Override
    public List<OrderRecord> orders(int limit) {
        return journal.orders(limit);
    }

    @Override
    public List<FillRecord> fills(String orderRef) {
        return journal.fills(orderRef);
    }
}
