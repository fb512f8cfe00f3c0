package tech.brokerbridge.ports.journal;

import java.time.Instant;
import tech.brokerbridge.ports.Require;
import tech.brokerbridge.ports.WireName;

/**
 * One notification exchange as the "what left my machine" audit keeps it: a message sent (or tried) to
 * a notification channel, an answer to a button press, or a press that was refused. Written to the
 * journal's outbound audit ({@link OutboundAudit}) by the notification
 * channels themselves.
 *
 * @param time when it was sent or refused
 * @param channel {@code ntfy}, {@code telegram}, {@code webhook} or {@code email}
 * @param destination the host the bytes went to (never a URL path that could hold a token)
 * @param event what it was about, e.g. {@code proposal}, {@code fill}, {@code test}, {@code press}
 * @param body the exact body sent, with every secret (bot token, password, signature key) masked
 * @param outcome what happened
 * @param detail the status or the reason, e.g. {@code HTTP 200}, {@code HTTP 429, retrying in 3 s},
 *     {@code press from user 42 ignored: not a configured user}
 */
public record NotificationExchange(Instant time, String channel, String destination, String event, String body,
        Outcome outcome, String detail) {
    public NotificationExchange {
        Require.nonNull("time", time, "channel", channel, "destination", destination, "event", event, "body", body,
                "outcome", outcome, "detail", detail);
    }

    /** What became of it. */
    public enum Outcome implements WireName {
        /** The channel accepted it. */
        SENT,
        /** This try failed; it will be tried again. */
        RETRYING,
        /** It failed for good (the channel refused it, or every try failed). */
        FAILED,
        /** It was never sent: the channel's queue was full or the desk stopped first. */
        DROPPED,
        /** An inbound press or command that was refused (another user or chat, a stale or replayed button). */
        IGNORED;
    }
}
