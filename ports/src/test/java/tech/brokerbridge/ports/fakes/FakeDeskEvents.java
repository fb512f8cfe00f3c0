package tech.brokerbridge.ports.fakes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.DeskEventListener;
import tech.brokerbridge.ports.events.DeskEvents;
import tech.brokerbridge.ports.events.EventSubscription;

/**
 * A {@link DeskEvents} that tests publish to by hand ({@link #publish}), keeping the port's contract
 * ({@code FakeDeskEventsContractTest}): each subscription is a one-thread executor over a bounded queue
 * whose overflow is counted.
 */
public final class FakeDeskEvents implements DeskEvents {
    private final Clock clock;
    private final List<Sub> subs = new CopyOnWriteArrayList<>();
    private long nextId = 1;

    public FakeDeskEvents(Clock clock) {
        this.clock = clock;
    }

    /** Publishes the event {@code make} builds from the next id and the clock's time. */
    public synchronized DeskEvent publish(BiFunction<Long, Instant, DeskEvent> make) {
        DeskEvent e = make.apply(nextId++, clock.instant());
        subs.forEach(s -> s.offer(e));
        return e;
    }

    /** The id the next event will get. */
    public synchronized long nextId() {
        return nextId;
    }

    @Override
    public EventSubscription subscribe(DeskEventListener listener) {
        Sub s = new Sub(listener);
        subs.add(s);
        return s;
    }

    private final class Sub implements EventSubscription {
        private final DeskEventListener listener;
        private final AtomicLong dropped = new AtomicLong();
        private final AtomicLong delivered = new AtomicLong();
        private final ThreadPoolExecutor executor;

        Sub(DeskEventListener listener) {
            this.listener = listener;
            this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1024), r -> {
                Thread t = new Thread(r, "fake-desk-events");
                t.setDaemon(true);
                return t;
            }, (r, ex) -> dropped.incrementAndGet());
        }

        void offer(DeskEvent e) {
            executor.execute(() -> {
                try {
                    listener.onEvent(e);
                } catch (RuntimeException ignored) { // the contract: a throwing listener gets the next event
                }
                delivered.incrementAndGet();
            });
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
            subs.remove(this);
            executor.shutdownNow();
        }
    }
}
