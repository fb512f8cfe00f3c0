package tech.brokerbridge.ibkr.fake;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;

/** Records order events; waits (bounded) for the ones a test expects. */
public final class EventRecorder implements OrderEventListener {
    private final List<OrderEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(OrderEvent event) {
        synchronized (this) {
            events.add(event);
            notifyAll();
        }
    }

    public List<OrderEvent> all() {
        return List.copyOf(events);
    }

    /** Waits at most 10 s until {@code count} events match; returns them. */
    public synchronized List<OrderEvent> await(Predicate<OrderEvent> p, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<OrderEvent> m = events.stream().filter(p).toList();
            if (m.size() >= count) {
                return m;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                fail("expected " + count + " matching events, got " + events);
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    public <T extends OrderEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
