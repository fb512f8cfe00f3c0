package tech.brokerbridge.ports.notify;

import java.util.List;
import java.util.Optional;
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
 *
 * <p>{@link #channels()} and {@link #test} let health and the setup show and try the channels; a
 * notifier without channels has none (the defaults).
 */
@FunctionalInterface
public interface Notifier {
    /** A notifier that sends nothing: the desk's default without notification channels. */
    Notifier NONE = event -> { };

    void send(DeskEvent event);

    /** The configured channels and their state, for health; an in-memory read that never blocks. */
    default List<ChannelStatus> channels() {
        return List.of();
    }

    /**
     * Sends a test message now to {@code channel} ({@code ntfy}, {@code telegram}, {@code webhook},
     * {@code email}), or to every configured channel when empty, once and without retry, on the
     * caller's thread: blocks for at most each channel's request timeout (about 10 s). One result per
     * channel (per chat for Telegram); none when that channel is not configured. Audited like any message.
     */
    default List<ChannelTest> test(Optional<String> channel) {
        return List.of();
    }
}
