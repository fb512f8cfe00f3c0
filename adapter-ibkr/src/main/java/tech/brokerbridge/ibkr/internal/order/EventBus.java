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
 *
 * <p>While the reader dispatches what one socket read brought ({@link #beginBatch} .. {@link #endBatch})
 * events are collected and handed to the event thread together at the end, in order: waking that thread
 * in the middle of a batch would take a core from the submitter the same batch has just woken (on two
 * cores, the reader, the submitter and the event thread then compete), and one hand-over replaces one
 * per event. Events published meanwhile by other threads join the batch, so the order stays the order
 * of publication.
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

    /** Guarded by this object: events of the batch under way, in publication order. */
    private final List<OrderEvent> batch = new java.util.ArrayList<>();
    private boolean batching;

    public void publish(OrderEvent e) {
        synchronized (this) {
            if (batching) {
                batch.add(e);
                return;
            }
            // under the lock: a batch handed over concurrently keeps its place in the order
            submit(List.of(e));
        }
    }

    /** From now until {@link #endBatch}, events are collected (called by the reader thread only). */
    public synchronized void beginBatch() {
        batching = true;
    }

    /** Hands the batch's events to the event thread, in one task. */
    public synchronized void endBatch() {
        batching = false;
        if (!batch.isEmpty()) {
            submit(List.copyOf(batch));
            batch.clear();
        }
    }

    private void submit(List<OrderEvent> events) {
        if (executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            for (OrderEvent e : events) {
                deliver(e);
            }
        });
    }

    private void deliver(OrderEvent e) {
        for (OrderEventListener l : listeners) {
            try {
                l.onEvent(e);
            } catch (RuntimeException ex) { // a listener must not throw; keep delivering to the others
                LOG.warn("order event listener failed", ex);
            }
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
