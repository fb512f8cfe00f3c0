package tech.brokerbridge.paper.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;

/**
 * Delivers order events to subscribers on one dedicated daemon thread, in the order they were
 * published, so a listener never runs on a caller's thread nor under the exchange's lock.
 */
final class EventDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "paper-order-events");
        t.setDaemon(true);
        return t;
    });

    AutoCloseable subscribe(OrderEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Queues the event; returns at once. Events published after {@link #close()} are dropped. */
    void publish(OrderEvent event) {
        try {
            thread.execute(() -> deliver(event));
        } catch (RejectedExecutionException closed) {
            LOG.debug("paper market closed; dropped {} event for {}", event.getClass().getSimpleName(), event.orderRef());
        }
    }

    private void deliver(OrderEvent event) {
        for (OrderEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) { // a faulty listener must not stop the others
                LOG.warn("order event listener {} failed on {} for {}", listener.getClass().getName(),
                        event.getClass().getSimpleName(), event.orderRef(), e);
            }
        }
    }

    /** Delivers what is queued (waiting up to 2 s), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
