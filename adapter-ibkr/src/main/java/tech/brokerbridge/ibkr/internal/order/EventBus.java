package tech.brokerbridge.ibkr.internal.order;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;

/**
 * Delivers order events to listeners on one thread ("ibkr-events"), one at a time, in the order
 * they were published, so a slow listener never stalls the socket reader.
 */
public final class EventBus implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ibkr-events");
        t.setDaemon(true);
        return t;
    });

    public AutoCloseable subscribe(OrderEventListener l) {
        listeners.add(l);
        return () -> listeners.remove(l);
    }

    public void publish(OrderEvent e) {
        if (executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            for (OrderEventListener l : listeners) {
                try {
                    l.onEvent(e);
                } catch (RuntimeException ex) { // a listener must not throw; keep delivering to the others
                    LOG.warn("order event listener failed", ex);
                }
            }
        });
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
