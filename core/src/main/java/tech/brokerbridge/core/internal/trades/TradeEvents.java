package tech.brokerbridge.core.internal.trades;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.desk.TradeEvent;

/**
 * Hands every {@link TradeEvent} to the listeners, on the thread that made the change. A listener
 * that throws is logged and the others still hear. Thread-safe.
 */
public final class TradeEvents {
    private static final Logger LOG = LoggerFactory.getLogger(TradeEvents.class);
    private final List<Consumer<TradeEvent>> listeners = new CopyOnWriteArrayList<>();

    public AutoCloseable subscribe(Consumer<TradeEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** A {@link TradeEvent.LegChanged} for a broker's order event (commissions are not leg changes). */
    public void leg(OrderEvent e, Instant now) {
        String change;
        String detail;
        if (e instanceof OrderEvent.Working) {
            change = "working";
            detail = "";
        } else if (e instanceof OrderEvent.Filled f) {
            change = f.complete() ? "filled" : "partially_filled";
            detail = f.filledQuantity() + " at " + f.price();
        } else if (e instanceof OrderEvent.Cancelled c) {
            change = "cancelled";
            detail = c.reason();
        } else if (e instanceof OrderEvent.Rejected r) {
            change = "rejected";
            detail = r.reason();
        } else if (e instanceof OrderEvent.Modified m) {
            change = "modified";
            detail = m.quantity() + " at " + m.price();
        } else {
            return;
        }
        String id = e instanceof OrderEvent.Working w ? w.brokerOrderId() : e instanceof OrderEvent.Filled f
                ? f.brokerOrderId() : e instanceof OrderEvent.Cancelled c ? c.brokerOrderId()
                : e instanceof OrderEvent.Rejected r ? r.brokerOrderId() : ((OrderEvent.Modified) e).brokerOrderId();
        publish(new TradeEvent.LegChanged(e.orderRef(), e.leg(), id, change, detail, now));
    }

    public void publish(TradeEvent event) {
        for (Consumer<TradeEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) { // a listener must not break the desk
                LOG.warn("trade event listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
