package tech.brokerbridge.core.internal.events;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.DeskEventListener;
import tech.brokerbridge.ports.events.EventSubscription;

/**
 * One subscriber: a bounded buffer filled by the publisher without waiting (full: the event is dropped
 * and counted) and drained by the subscription's own daemon thread, so a slow listener delays only itself.
 */
final class Subscription implements EventSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);

    private final DeskEventListener listener;
    private final BlockingQueue<DeskEvent> queue;
    private final Thread thread;
    private final Consumer<Subscription> onClose;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private volatile boolean open = true;

    Subscription(DeskEventListener listener, int buffer, String threadName, Consumer<Subscription> onClose) {
        this.listener = listener;
        this.queue = new ArrayBlockingQueue<>(buffer);
        this.onClose = onClose;
        this.thread = new Thread(this::deliver, threadName);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Never blocks. */
    void offer(DeskEvent e) {
        if (open && !queue.offer(e)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % 1000 == 0) {
                LOG.warn("a desk event subscriber is falling behind: {} event(s) dropped for it so far", n);
            }
        }
    }

    private void deliver() {
        while (open) {
            DeskEvent e;
            try {
                e = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
            if (e == null || !open) {
                continue;
            }
            try {
                listener.onEvent(e);
            } catch (RuntimeException ex) { // top-level per event: one failing delivery must not stop the others
                LOG.warn("a desk event listener failed on {} #{}: {}", e.type(), e.id(), ex.toString());
            }
            delivered.incrementAndGet();
        }
    }

    @Override
    public long dropped() {
        return dropped.get();
    }

    @Override
    public long delivered() {
        return delivered.get();
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        open = false;
        onClose.accept(this);
        queue.clear();
        // not interrupted: an event being delivered finishes; the thread sees the flag within 200 ms
        if (thread.isAlive() && thread != Thread.currentThread()) {
            try {
                thread.join(1000);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
