package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderLeg;

/**
 * A listener for the contract tests: records every event, the threads it was called on and how
 * many calls overlapped, and waits (with an upper bound, never a speed goal) for an event.
 */
public final class OrderEventRecorder implements OrderEventListener {
    private final List<OrderEvent> events = new ArrayList<>();
    private final Set<Thread> threads = new HashSet<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();

    @Override
    public void onEvent(OrderEvent event) {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        lock.lock();
        try {
            events.add(event);
            threads.add(Thread.currentThread());
            arrived.signalAll();
        } finally {
            lock.unlock();
            inFlight.decrementAndGet();
        }
    }

    public List<OrderEvent> events() {
        return underLock(() -> List.copyOf(events));
    }

    /** The events of one bracket, in the order received. */
    public List<OrderEvent> events(String orderRef) {
        return events().stream().filter(e -> e.orderRef().equals(orderRef)).toList();
    }

    public Set<Thread> threads() {
        return underLock(() -> Set.copyOf(threads));
    }

    private <T> T underLock(Supplier<T> read) {
        lock.lock();
        try {
            return read.get();
        } finally {
            lock.unlock();
        }
    }

    /** The largest number of calls that were running at once: 1 when events come one at a time. */
    public int maxConcurrentCalls() {
        return maxInFlight.get();
    }

    /** Waits up to {@code bound} for an event matching {@code what}; fails the test with what was seen otherwise. */
    public OrderEvent await(String description, Predicate<OrderEvent> what, Duration bound) {
        lock.lock();
        try {
            long left = bound.toNanos(); // awaitNanos counts down for us: no clock read here
            while (true) {
                for (OrderEvent e : events) {
                    if (what.test(e)) {
                        return e;
                    }
                }
                if (left <= 0) {
                    return fail("no event " + description + " within " + bound + "; received " + events);
                }
                left = arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while waiting for " + description);
        } finally {
            lock.unlock();
        }
    }

    /** Waits for an event of {@code type} for {@code leg} of the bracket {@code orderRef}. */
    public <T extends OrderEvent> T await(Class<T> type, String orderRef, OrderLeg leg, Duration bound) {
        return type.cast(await(type.getSimpleName() + " " + leg + " of " + orderRef,
                e -> type.isInstance(e) && e.orderRef().equals(orderRef) && e.leg() == leg, bound));
    }
}
