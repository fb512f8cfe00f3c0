package tech.brokerbridge.ports.journal;

import tech.brokerbridge.ports.Require;

/**
 * What approving a proposal writes, all at once ({@link ProposalLog#saveApprovedTrade}): the proposal
 * moved to {@code executing} (its history holds the approval), the user's approval record and the
 * order intent the bracket will be sent under.
 *
 * @param proposal the proposal as it is after the approval, status {@code executing}
 * @param approval an {@code approve} or {@code modify} record for this proposal
 * @param intent the order record in state {@code SUBMITTING}, its ref the proposal id
 * @throws IllegalArgumentException when the three do not belong together
 */
public record ApprovedTrade(Proposal proposal, ApprovalRecord approval, OrderRecord intent) {
    public ApprovedTrade {
        Require.nonNull("proposal", proposal, "approval", approval, "intent", intent);
        String id = proposal.proposalId();
        if (proposal.status() != ProposalStatus.EXECUTING) {
            throw new IllegalArgumentException("an approved trade's proposal is executing, not "
                    + proposal.status().wire());
        }
        if (!approval.proposalId().equals(id) || !approval.action().approves()) {
            throw new IllegalArgumentException("the approval (" + approval.action().wire() + " of "
                    + approval.proposalId() + ") does not approve proposal " + id);
        }
        if (!intent.orderRef().equals(id) || intent.state() != OrderRecord.State.SUBMITTING) {
            throw new IllegalArgumentException("the order intent (" + intent.orderRef() + ", "
                    + intent.state().wire() + ") is not proposal " + id + " about to be submitted");
        }
    }
}
