package tech.brokerbridge.notify;

import tech.brokerbridge.ports.desk.TradingDesk;
import tech.brokerbridge.ports.notify.Notifier;

/**
 * The desk's notification channels: a {@link Notifier} to give the desk ({@code DeskPorts}), with a
 * lifecycle. Made by {@link NotifierFactory}.
 *
 * <p>{@link #send} never blocks and never throws: each configured channel has its own bounded queue
 * and thread (see {@code NotifyConfig.Tuning}); a failing channel delays or loses only its own
 * messages. Every message sent, retried, failed or dropped, every answer to a button and every
 * refused press is written to the outbound audit. Thread-safe.
 */
public interface Notifications extends Notifier, AutoCloseable {
    /**
     * Starts sending (messages queued before wait until now) and, with Telegram approvals on, reading
     * presses and {@code /kill} by long-polling, acted on through {@code desk} exactly as the API acts.
     * Call it once the desk has started. Idempotent; never blocks.
     */
    void start(TradingDesk desk);

    /**
     * Stops reading presses and sending; messages still queued are audited as dropped. Waits at most a
     * few seconds. Idempotent; never throws.
     */
    @Override
    void close();
}
