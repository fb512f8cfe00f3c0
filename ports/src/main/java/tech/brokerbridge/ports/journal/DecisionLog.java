package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.List;

/**
 * Why each setup a scan found became a proposal or not (driven port; a role of the {@link Journal}).
 *
 * <p>Thread-safe; writes are durable before the method returns; failures throw
 * {@link JournalException}.
 */
public interface DecisionLog {
    /** Records a decision; recording the same decision id again replaces it in place. */
    void recordDecision(DecisionRecord decision);

    /** Decisions with {@code from <= time < to}, oldest first (ties in the order recorded). */
    List<DecisionRecord> decisions(Instant from, Instant to);
}
