package tech.brokerbridge.ports.journal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.advisor.AiExchange;

/**
 * The durable record of everything the desk does (driven port): proposals with their status
 * history, decisions, approvals, orders, fills, the AI audit, and a few named settings.
 *
 * <p>Thread-safe. Every write is committed durably before the method returns, so anything
 * acknowledged survives a crash. Calls block on local disk only; failures throw
 * {@link JournalException}.
 */
public interface Journal {
    /** Inserts or replaces a proposal (with its whole history). */
    void saveProposal(Proposal proposal);

    /** Saves the proposal and the user's action on it in one transaction. */
    void saveProposalWithApproval(Proposal proposal, ApprovalRecord approval);

    Optional<Proposal> findProposal(String proposalId);

    /** A page of proposals, newest first. */
    ProposalPage proposals(ProposalQuery query);

    /** Every proposal whose status is one of {@code statuses}, oldest first. */
    List<Proposal> proposalsWithStatus(Collection<ProposalStatus> statuses);

    void recordDecision(DecisionRecord decision);

    /** Decisions with {@code from <= time < to}, oldest first. */
    List<DecisionRecord> decisions(Instant from, Instant to);

    /** Every approval record, oldest first. */
    List<ApprovalRecord> approvals();

    /** Inserts or replaces the order record with this {@code orderRef}. */
    void saveOrder(OrderRecord order);

    Optional<OrderRecord> findOrder(String orderRef);

    /** Order records, newest first, at most {@code limit}. */
    List<OrderRecord> orders(int limit);

    /** Records a fill; false when this execution id was already recorded. */
    boolean recordFill(FillRecord fill);

    List<FillRecord> fills(String orderRef);

    void recordAiExchange(AiExchange exchange);

    /** The AI audit, newest first, at most {@code limit}. */
    List<AiExchange> aiAudit(int limit);

    Optional<String> setting(String key);

    void putSetting(String key, String value);
}
