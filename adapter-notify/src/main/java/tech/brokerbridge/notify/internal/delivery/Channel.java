package tech.brokerbridge.notify.internal.delivery;

/**
 * One destination of messages: an ntfy topic, one Telegram chat, a webhook, a mail server.
 * {@link #send} blocks for at most the request timeout and never throws for a network problem: the
 * attempt says what happened.
 */
public interface Channel {
    /** {@code ntfy}, {@code telegram}, {@code webhook} or {@code email}. */
    String name();

    /** The host the messages go to. */
    String destination();

    /** The values that must never be kept in the audit (tokens, passwords), as far as this channel knows. */
    java.util.List<String> secrets();

    /** Sends one message, once. */
    Attempt send(Message message);
}
