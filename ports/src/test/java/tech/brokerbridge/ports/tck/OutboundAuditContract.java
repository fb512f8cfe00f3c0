package tech.brokerbridge.ports.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tech.brokerbridge.ports.tck.JournalSamples.T0;
import static tech.brokerbridge.ports.tck.JournalSamples.exchange;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import tech.brokerbridge.ports.advisor.AiExchange;
import tech.brokerbridge.ports.journal.OutboundAudit;
import tech.brokerbridge.ports.journal.NotificationExchange;
import tech.brokerbridge.ports.journal.NotificationExchange.Outcome;

/**
 * The contract every {@link OutboundAudit} passes (TCK): AI and notification bodies kept byte for byte,
 * each kind apart from the other, newest first (ties: the last recorded first), a limit below 1 refused.
 */
public abstract class OutboundAuditContract<J extends OutboundAudit> extends JournalRoleContract<J> {
    protected OutboundAuditContract(Supplier<? extends J> open, UnaryOperator<J> reopen) {
        super(open, reopen);
    }

    @Test
    public void anEmptyAuditHasNoExchanges() {
        assertEquals(List.of(), journal.aiAudit(10));
    }

    @Test
    public void theAiAuditKeepsExactBodiesNewestFirst() {
        AiExchange old = exchange(T0, "{\"q\":\"ünïcødé ✓ 𝄞\"}", OptionalLong.of(1200), OptionalLong.of(80));
        AiExchange newer = exchange(T0.plusSeconds(1), "line1\nline2\r\n\t\"quoted\"", OptionalLong.empty(),
                OptionalLong.empty());
        AiExchange tie = exchange(T0.plusSeconds(1), "x".repeat(100_000), OptionalLong.of(0), OptionalLong.empty());
        journal.recordAiExchange(old);
        journal.recordAiExchange(newer);
        journal.recordAiExchange(tie);
        assertEquals(List.of(tie, newer, old), journal.aiAudit(10));
        assertEquals(List.of(tie), journal.aiAudit(1));
    }

    @Test
    public void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> journal.aiAudit(0));
        assertThrows(IllegalArgumentException.class, () -> journal.aiAudit(-1));
    }

    /** After a reopen when the audit supports it; otherwise it reads back from the same object. */
    @Test
    public void everythingWrittenIsReadBackAfterAReopen() {
        AiExchange exchange = exchange(T0, "{}", OptionalLong.of(1), OptionalLong.of(2));
        journal.recordAiExchange(exchange);
        reopenIfDurable();
        assertEquals(List.of(exchange), journal.aiAudit(5));
    }

    @Test
    public void theNotificationAuditKeepsExactBodiesNewestFirstApartFromTheAiAudit() {
        NotificationExchange old = notification(T0, "telegram", "{\"text\":\"ünïcødé ✓ 𝄞\"}", Outcome.SENT);
        NotificationExchange newer = notification(T0.plusSeconds(1), "ntfy", "line1\nline2\r\n\t\"q\"",
                Outcome.RETRYING);
        NotificationExchange tie = notification(T0.plusSeconds(1), "email", "x".repeat(100_000), Outcome.IGNORED);
        journal.recordNotification(old);
        journal.recordNotification(newer);
        journal.recordNotification(tie);
        assertEquals(List.of(tie, newer, old), journal.notificationAudit(10));
        assertEquals(List.of(tie), journal.notificationAudit(1));
        assertEquals(List.of(), journal.aiAudit(10), "a notification is not an AI exchange");
        assertThrows(IllegalArgumentException.class, () -> journal.notificationAudit(0));
    }

    @Test
    public void everyNotificationOutcomeIsReadBackAfterAReopen() {
        List<NotificationExchange> all = new java.util.ArrayList<>();
        int i = 0;
        for (Outcome o : Outcome.values()) {
            NotificationExchange x = notification(T0.plusSeconds(i++), "webhook", "{\"n\":" + i + "}", o);
            journal.recordNotification(x);
            all.add(0, x);
        }
        reopenIfDurable();
        assertEquals(all, journal.notificationAudit(50));
    }

    private static NotificationExchange notification(java.time.Instant t, String channel, String body, Outcome o) {
        return new NotificationExchange(t, channel, "notify.example.org", "proposal", body, o, "HTTP 200");
    }
}
