package tech.brokerbridge.notify.internal.delivery;

import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.OutboundAudit;
import tech.brokerbridge.ports.journal.NotificationExchange;

/**
 * Writes notification exchanges to the journal's outbound audit, secrets masked. A journal that fails
 * is logged and does not stop delivery: the message already left (or did not).
 */
public final class AuditTrail {
    static final String MASK = "****";
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    private final OutboundAudit audit;
    private final Clock clock;

    public AuditTrail(OutboundAudit audit, Clock clock) {
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Clock clock() {
        return clock;
    }

    /** Records one exchange now; every value of {@code secrets} in the body or detail is masked. */
    public void record(String channel, String destination, String event, String body,
            NotificationExchange.Outcome outcome, String detail, Collection<String> secrets) {
        try {
            audit.recordNotification(new NotificationExchange(clock.instant(), channel, destination, event,
                    mask(body, secrets), outcome, mask(detail, secrets)));
        } catch (RuntimeException e) { // the audit must not stop delivery; the log says it is missing
            LOG.warn("a {} notification could not be written to the audit: {}", channel, e.toString());
        }
    }

    /** {@code text} with every secret of at least 4 characters replaced by {@value #MASK}. */
    public static String mask(String text, Collection<String> secrets) {
        String out = text;
        for (String s : secrets) {
            if (s != null && s.length() >= 4) {
                out = out.replace(s, MASK);
            }
        }
        return out;
    }
}
