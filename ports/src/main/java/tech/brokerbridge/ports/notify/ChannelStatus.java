package tech.brokerbridge.ports.notify;

import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/**
 * One configured notification channel as health shows it.
 *
 * @param channel {@code ntfy}, {@code telegram}, {@code webhook} or {@code email}
 * @param destination the host its messages go to
 * @param healthy false while its last message failed for good, or it cannot send (e.g. no token saved)
 * @param message what is wrong, or {@code ok}
 * @param sent messages the channel accepted since the start
 * @param failed messages that failed for good since the start
 * @param dropped messages never sent (queue full, or coalesced into a later message is not a drop)
 * @param queued messages waiting now
 * @param lastSentAt when a message last went through
 */
public record ChannelStatus(String channel, String destination, boolean healthy, String message, long sent,
        long failed, long dropped, int queued, Optional<Instant> lastSentAt) {
    public ChannelStatus {
        Require.nonNull("channel", channel, "destination", destination, "message", message, "lastSentAt", lastSentAt);
    }
}
