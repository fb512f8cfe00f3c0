package tech.brokerbridge.ports.journal;

import java.util.List;
import tech.brokerbridge.ports.advisor.AiExchange;

/**
 * What left the user's machine, byte for byte (driven port; a role of the {@link Journal}): every
 * exchange with an AI provider and every notification sent to a channel the user configured (with
 * the presses refused on the way back), so the user can audit everything the desk sent in one place.
 *
 * <p>Append-only. Thread-safe; writes are durable before the method returns; failures throw
 * {@link JournalException}.
 */
public interface OutboundAudit {
    /** Appends one AI exchange. */
    void recordAiExchange(AiExchange exchange);

    /**
     * The AI exchanges, newest first (ties: the last recorded first), at most {@code limit}.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<AiExchange> aiAudit(int limit);

    /** Appends one notification exchange. */
    void recordNotification(NotificationExchange exchange);

    /**
     * The notification exchanges, newest first (ties: the last recorded first), at most {@code limit}.
     *
     * @throws IllegalArgumentException when {@code limit} is below 1
     */
    List<NotificationExchange> notificationAudit(int limit);
}
