package tech.brokerbridge.core.internal.events;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.events.DeskEventListener;
import tech.brokerbridge.ports.events.DeskEvents;
import tech.brokerbridge.ports.events.EventSubscription;

/**
 * Publishes the desk's events to its subscribers without ever waiting for one: ids and times are
 * assigned under a short lock (so ids follow publication order), then each subscription's bounded buffer
 * is offered the event, which never blocks ({@link Subscription}).
 *
 * <p>Thread-safe. Publishing never throws for a subscriber's sake.
 */
public final class EventHub implements DeskEvents, AutoCloseable {
    /** Events a subscription buffers before it drops. */
    public static final int DEFAULT_BUFFER = 1024;

    /** Makes an event with the id and time the hub assigns. */
    @FunctionalInterface
    public interface EventFactory {
        DeskEvent make(long id, java.time.Instant time);
    }

    private final Clock clock;
    private final int buffer;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final AtomicInteger names = new AtomicInteger();
    private final Object order = new Object();
    private long nextId = 1;
    private volatile boolean closed;

    public EventHub(Clock clock) {
        this(clock, DEFAULT_BUFFER);
    }

    public EventHub(Clock clock, int buffer) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (buffer < 1) {
            throw new IllegalArgumentException("buffer must be at least 1");
        }
        this.buffer = buffer;
    }

    /** Publishes one event made by {@code factory}; returns it. */
    public DeskEvent publish(EventFactory factory) {
        synchronized (order) {
            DeskEvent e = Objects.requireNonNull(factory.make(nextId, clock.instant()), "event");
            nextId++;
            for (Subscription s : subscriptions) {
                s.offer(e);
            }
            return e;
        }
    }

    @Override
    public EventSubscription subscribe(DeskEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        Subscription s = new Subscription(listener, buffer, "brokerbridge-events-" + names.incrementAndGet(),
                subscriptions::remove);
        synchronized (order) {
            if (closed) {
                s.close();
                return s;
            }
            subscriptions.add(s);
        }
        s.start();
        return s;
    }

    /** How many subscriptions are open. */
    public int subscribers() {
        return subscriptions.size();
    }

    /** Closes every subscription; later subscriptions are closed at once. Idempotent. */
    @Override
    public void close() {
        synchronized (order) {
            closed = true;
        }
        for (Subscription s : subscriptions) {
            s.close();
        }
    }
}
