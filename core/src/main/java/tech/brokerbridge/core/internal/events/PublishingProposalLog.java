package tech.brokerbridge.core.internal.events;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;
import tech.brokerbridge.ports.events.DeskEvent;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ApprovedTrade;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalPage;
import tech.brokerbridge.ports.journal.ProposalQuery;
import tech.brokerbridge.ports.journal.ProposalStatus;
import tech.brokerbridge.ports.journal.StatusChange;

/**
 * The proposal log that publishes what each save changed, after the save is durable: a new proposal
 * ({@code proposal.created}) and every status change added to a proposal's history
 * ({@code proposal.status_changed}). Whichever service saves, the events follow the journal. Saves are
 * made under the proposal's lock, so the history read before a save is the one it extends.
 */
public final class PublishingProposalLog implements ProposalLog {
    private final ProposalLog journal;
    private final EventHub hub;
    private final AtomicLong saves = new AtomicLong();

    public PublishingProposalLog(ProposalLog journal, EventHub hub) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.hub = Objects.requireNonNull(hub, "hub");
    }

    @Override
    public void saveProposal(Proposal proposal) {
        int before = sizeBefore(proposal.proposalId());
        try {
            journal.saveProposal(proposal);
        } finally {
            saves.incrementAndGet();
        }
        published(proposal, before);
    }

    @Override
    public void saveProposalWithApproval(Proposal proposal, ApprovalRecord approval) {
        int before = sizeBefore(proposal.proposalId());
        try {
            journal.saveProposalWithApproval(proposal, approval);
        } finally {
            saves.incrementAndGet();
        }
        published(proposal, before);
    }

    @Override
    public void saveApprovedTrade(ApprovedTrade trade) {
        int before = sizeBefore(trade.proposal().proposalId());
        try {
            journal.saveApprovedTrade(trade);
        } finally {
            saves.incrementAndGet();
        }
        published(trade.proposal(), before);
        hub.publish((id, t) -> new DeskEvent.OrderUpdated(id, t, trade.intent()));
    }

    /**
     * How many proposal saves went through this log so far (counted whether they succeeded or not). Proposals
     * change only through their log's saves, and the desk's services save through this one: while the count
     * stays the same, no proposal changed, so one just read or saved is still as it was.
     */
    public long saves() {
        return saves.get();
    }

    /** -1 when the proposal is new. */
    private int sizeBefore(String proposalId) {
        return journal.historySize(proposalId).orElse(-1);
    }

    @Override
    public OptionalInt historySize(String proposalId) {
        return journal.historySize(proposalId);
    }

    private void published(Proposal p, int before) {
        if (before < 0) {
            hub.publish((id, t) -> new DeskEvent.ProposalCreated(id, t, p));
            return;
        }
        List<StatusChange> history = p.history();
        for (int i = before; i < history.size(); i++) {
            StatusChange c = history.get(i);
            ProposalStatus from = c.from().orElse(c.to());
            hub.publish((id, t) -> new DeskEvent.ProposalStatusChanged(id, t, p, from, c.to(), c.reason()));
        }
    }

    @Override
    public Optional<Proposal> findProposal(String proposalId) {
        return journal.findProposal(proposalId);
    }

    @Override
    public ProposalPage proposals(ProposalQuery query) {
        return journal.proposals(query);
    }

    @Override
    public List<Proposal> proposalsWithStatus(Collection<ProposalStatus> statuses) {
        return journal.proposalsWithStatus(statuses);
    }

    @Override
    public List<Proposal> tradesWithStatus(Collection<ProposalStatus> statuses) {
        return journal.tradesWithStatus(statuses);
    }

    @Override
    public List<ApprovalRecord> approvals() {
        return journal.approvals();
    }
}
