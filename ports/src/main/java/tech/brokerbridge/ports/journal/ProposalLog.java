package tech.brokerbridge.ports.journal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The proposals the desk made, each with its full status history, and the user's approvals and
 * rejections of them (driven port; a role of the {@link Journal}).
 *
 * <p>Thread-safe. Every write is one durable transaction, committed before the method returns, so
 * anything acknowledged survives a crash. Calls block on local disk only; failures throw
 * {@link JournalException} (retryable when another process holds a lock).
 */
public interface ProposalLog {
    /** Inserts or replaces a proposal (with its whole history). */
    void saveProposal(Proposal proposal);

    /**
     * Saves the proposal and the user's action on it in one transaction.
     *
     * @throws IllegalArgumentException when the approval is for another proposal (nothing is written)
     */
    void saveProposalWithApproval(Proposal proposal, ApprovalRecord approval);

    /**
     * Saves an approved trade in one transaction: the proposal with its status changes, the approval
     * record and the order intent (state {@code SUBMITTING}, written to the journal's {@link OrderLog}),
     * so that a crash leaves either all three or none.
     *
     * @throws IllegalStateException when an order record with the proposal's ref exists already
     *     (nothing is written: a bracket is never prepared twice)
     */
    void saveApprovedTrade(ApprovedTrade trade);

    Optional<Proposal> findProposal(String proposalId);

    /**
     * How many status changes the proposal's history holds; empty when there is no such proposal. What
     * {@code findProposal(id).map(p -> p.history().size())} says; a log may answer it without reading the
     * proposal.
     */
    default OptionalInt historySize(String proposalId) {
        return findProposal(proposalId).map(p -> OptionalInt.of(p.history().size())).orElse(OptionalInt.empty());
    }

    /**
     * A page of proposals, newest first (ties by id, descending).
     *
     * @throws IllegalArgumentException for a cursor this log did not produce
     */
    ProposalPage proposals(ProposalQuery query);

    /** Every proposal whose status is one of {@code statuses}, oldest first. */
    List<Proposal> proposalsWithStatus(Collection<ProposalStatus> statuses);

    /**
     * The trades of every proposal whose status is one of {@code statuses}, oldest first: each as
     * {@link #proposalsWithStatus} returns it, but {@linkplain Proposal#tradeOnly() without its gate results and
     * history}. What the risk gates read on every approval; a log may answer it without reading those.
     */
    default List<Proposal> tradesWithStatus(Collection<ProposalStatus> statuses) {
        return proposalsWithStatus(statuses).stream().map(Proposal::tradeOnly).toList();
    }

    /** Every approval record, oldest first (ties in the order recorded). */
    List<ApprovalRecord> approvals();
}
