package tech.brokerbridge.ports.notify;

import tech.brokerbridge.ports.events.DeskEvent;

/**
 * Sends desk events to the channels the user configured (driven port: the desk calls it for every
 * event it publishes; the implementation decides which events are worth a message).
 *
 * <p>Never blocks the caller: {@link #send} hands the event over (to a queue of the implementation's)
 * and returns; delivery, retries and timeouts happen on the implementation's own threads. The desk
 * calls it from a delivery thread of its own, through a bounded buffer, so even a notifier that blocks
 * only delays (and past the buffer, loses) its own notifications. It must not throw; an exception is
 * logged and the next event is sent. Thread-safe.
 */
@FunctionalInterface
public interface Notifier {
    /** A notifier that sends nothing: the desk's default without notification channels. */
    Notifier NONE = event -> { };

    void send(DeskEvent event);
}
