package tech.brokerbridge.ports.events;

/**
 * A listener's subscription to the desk's events. Thread-safe.
 *
 * <p>Each subscription has a bounded buffer: when its listener falls behind and the buffer is full,
 * newer events are dropped for this subscription only (the desk never waits for a listener) and
 * counted here; the listener sees the gap in the event ids.
 */
public interface EventSubscription extends AutoCloseable {
    /** Events dropped so far because the buffer was full. */
    long dropped();

    /** Events handed to the listener so far. */
    long delivered();

    /**
     * Stops delivery: events published after this call are not delivered; one being delivered finishes.
     * Waits at most a second for the delivery thread. Idempotent; never throws.
     */
    @Override
    void close();
}
