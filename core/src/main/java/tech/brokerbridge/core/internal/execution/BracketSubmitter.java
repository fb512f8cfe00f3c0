package tech.brokerbridge.core.internal.execution;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.account.AccountInterlock;
import tech.brokerbridge.core.internal.events.PublishingProposalLog;
import tech.brokerbridge.core.internal.proposals.ProposalBook;
import tech.brokerbridge.core.internal.risk.KillSwitch;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.ApprovedTrade;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.OrderRecord.State;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * Sends an approved proposal to the broker, once. The approval, the proposal moved to
 * {@code executing} and the order record in state {@code SUBMITTING} are saved in one durable journal
 * write BEFORE the broker is called ({@link #prepare}); only then {@link #submit} calls
 * {@link Broker#submitBracket}. A proposal that is already executing is never submitted by anything
 * else: a crash or a failed call between the two leaves a {@code SUBMITTING} record that only
 * reconciliation resolves. The broker's acceptance (its order ids) is saved as order progress
 * ({@link OrderLog#saveOrderProgress}): the broker holds it too, so it needs no sync of its own.
 *
 * <p>Right before the call the account is checked again ({@link AccountInterlock}): a reconnect to an
 * account the desk may not trade fails the proposal, and nothing is sent.
 *
 * <p>The caller holds the proposal's lock around both calls.
 */
public final class BracketSubmitter {
    private static final Logger LOG = LoggerFactory.getLogger(BracketSubmitter.class);
    private final Broker broker;
    private final OrderLog orders;
    private final ProposalLog proposals;
    private final ProposalBook book;
    private final KillSwitch killSwitch;
    private final BrokerReconciler reconciler;
    private final AccountInterlock interlock;
    private final Clock clock;

    public BracketSubmitter(Broker broker, OrderLog orders, ProposalLog proposals, ProposalBook book,
            KillSwitch killSwitch, BrokerReconciler reconciler, AccountInterlock interlock, Clock clock) {
        this.interlock = Objects.requireNonNull(interlock, "interlock");
        this.broker = Objects.requireNonNull(broker, "broker");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.book = Objects.requireNonNull(book, "book");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.reconciler = Objects.requireNonNull(reconciler, "reconciler");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Saves the approval, the proposal moved on to {@code executing} and the {@code SUBMITTING} order
     * record in one durable write: {@link #intent} then {@link #record}.
     *
     * @param approved the proposal as the user approved it (status {@code approved})
     * @param approval the user's approve or modify record
     * @param note added to the reason of the move to {@code executing} (e.g. "waiting for the market to open")
     * @return the executing proposal, to pass to {@link #submit}
     * @throws IllegalStateException when the proposal is not approved or an order record exists for it
     */
    public Proposal prepare(Proposal approved, ApprovalRecord approval, Optional<String> note) {
        ApprovedTrade trade = intent(approved, approval, note);
        record(trade);
        return trade.proposal();
    }

    /** {@link #prepare(Proposal, ApprovalRecord, Optional)} with nothing to add. */
    public Proposal prepare(Proposal approved, ApprovalRecord approval) {
        return prepare(approved, approval, Optional.empty());
    }

    /**
     * What approving writes, in memory only: the proposal moved on to {@code executing} ({@code note}
     * added to the reason of that change), the approval and the {@code SUBMITTING} order record.
     *
     * @throws IllegalStateException when the proposal is not approved
     */
    public ApprovedTrade intent(Proposal approved, ApprovalRecord approval, Optional<String> note) {
        if (approved.status() != ProposalStatus.APPROVED) {
            throw new IllegalStateException("only an approved proposal can be prepared, not " + approved.status());
        }
        var now = clock.instant();
        Proposal executing = approved.withStatus(ProposalStatus.EXECUTING, now,
                "bracket order being sent to " + broker.name() + note.map(n -> "; " + n).orElse(""));
        OrderRecord intent = new OrderRecord(approved.proposalId(), approved.symbol(), approved.direction(),
                approved.quantity(), approved.entryPrice(), approved.stopPrice(), approved.targetPrice(),
                State.SUBMITTING, List.of(), "about to be sent to " + broker.name(), now, now);
        return new ApprovedTrade(executing, approval, intent);
    }

    /**
     * Writes an approved trade durably, in one journal write ({@link ProposalLog#saveApprovedTrade}).
     *
     * @throws IllegalStateException when an order record exists for it already (nothing is written)
     */
    public void record(ApprovedTrade trade) {
        proposals.saveApprovedTrade(trade);
    }

    /**
     * Sends the bracket of a prepared (executing) proposal unless the kill switch is engaged, and
     * records the broker's immediate answer.
     *
     * @return the proposal as it is now
     */
    public Proposal submit(Proposal executing) {
        return killSwitch.whileReleased(() -> send(executing), () -> {
            String why = "not submitted: " + killSwitch.refusal();
            failOrder(executing.proposalId(), State.FAILED, why);
            return book.transition(executing, ProposalStatus.FAILED, why);
        });
    }

    private Proposal send(Proposal p) {
        Optional<tech.brokerbridge.ports.desk.ActionResult.Conflict> refused = interlock.refusal();
        if (refused.isPresent()) {
            String why = "not submitted: " + refused.get().reason();
            failOrder(p.proposalId(), State.FAILED, why);
            return book.transition(p, ProposalStatus.FAILED, why);
        }
        BracketOrder order = new BracketOrder(p.proposalId(), p.symbol(), p.direction(), p.quantity(), p.entryPrice(),
                p.stopPrice(), p.targetPrice());
        long saves = proposalSaves();
        SubmitResult result;
        try {
            result = broker.submitBracket(order);
        } catch (BrokerException e) {
            LOG.warn("proposal {}: submission outcome unknown ({}); it will be reconciled, never resubmitted",
                    p.proposalId(), e.getMessage());
            updateOrder(p.proposalId(), State.SUBMITTING, List.of(), "submission outcome unknown ("
                    + e.getMessage() + "); will be reconciled with the broker, never resubmitted");
            return p;
        }
        if (result instanceof SubmitResult.Accepted a) {
            acceptOrder(p.proposalId(), a.brokerOrderIds());
            return saves >= 0 && proposalSaves() == saves ? p : current(p);
        }
        SubmitResult.Rejected r = (SubmitResult.Rejected) result;
        if (r.duplicate()) {
            LOG.warn("proposal {}: the broker already holds this bracket; reconciling", p.proposalId());
            try {
                reconciler.reconcile(p.proposalId(), ReconcileMode.ROUTINE);
            } catch (BrokerException e) {
                LOG.warn("proposal {}: reconciliation postponed ({})", p.proposalId(), e.getMessage());
            }
            return current(p);
        }
        String why = "rejected by " + broker.name() + ": " + r.reason();
        failOrder(p.proposalId(), State.REJECTED, why);
        return book.transition(current(p), ProposalStatus.FAILED, why);
    }

    /**
     * The count of proposal saves of the desk's publishing log, -1 for another log. The caller holds the
     * proposal's lock, but a broker or listener calling back on this thread could still save it: when no save
     * at all was made since the proposal was, it is unchanged and need not be read again.
     */
    private long proposalSaves() {
        return proposals instanceof PublishingProposalLog log ? log.saves() : -1;
    }

    private Proposal current(Proposal p) {
        return proposals.findProposal(p.proposalId()).orElse(p);
    }

    private void updateOrder(String ref, State state, List<String> ids, String message) {
        orders.findOrder(ref).ifPresent(r -> {
            OrderRecord next = state == State.SUBMITTING
                    ? r.with(r.state(), r.brokerOrderIds(), r.state() == State.SUBMITTING ? message : r.message(),
                            clock.instant())
                    : OrderProgress.advance(r, state, ids, message, clock.instant());
            if (!next.equals(r)) {
                orders.saveOrder(next);
            }
        });
    }

    /** The broker holds the bracket under these ids: progress that reconciliation could restore. */
    private void acceptOrder(String ref, List<String> ids) {
        orders.findOrder(ref).ifPresent(r -> {
            OrderRecord next = OrderProgress.advance(r, State.ACCEPTED, ids, "accepted by " + broker.name(),
                    clock.instant());
            if (!next.equals(r)) {
                orders.saveOrderProgress(next);
            }
        });
    }

    private void failOrder(String ref, State state, String why) {
        updateOrder(ref, state, List.of(), why);
    }
}
