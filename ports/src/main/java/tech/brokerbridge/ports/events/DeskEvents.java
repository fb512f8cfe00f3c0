package tech.brokerbridge.ports.events;

/**
 * The desk's live events (driving port): what {@code GET /api/events} streams and notifications follow.
 *
 * <p>Thread-safe. {@link #subscribe} never blocks and does no I/O. The desk publishes without ever
 * waiting for a subscriber: each subscription has its own bounded buffer (at least 1,024 events) and its
 * own delivery thread; a listener that falls behind loses the newest events (counted in
 * {@link EventSubscription#dropped()}), never the desk's time. Events published before the call are not
 * delivered: a subscriber that needs the current state reads it after subscribing.
 */
public interface DeskEvents {
    /**
     * Delivers every event published from now on to {@code listener}, in id order, until the returned
     * subscription is closed or the desk closes.
     */
    EventSubscription subscribe(DeskEventListener listener);
}
