package tech.brokerbridge.core.internal.execution;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.proposals.ProposalBook;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.OrderRecord.State;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * Brings a proposal and its order record in line with what the broker says it holds for the
 * proposal's ref ({@link Broker#ordersByRef}). It never submits anything: found → the proposal
 * carries on (and is executed if the entry filled); not found → what the {@link ReconcileMode} says.
 */
public final class BrokerReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(BrokerReconciler.class);
    private final Broker broker;
    private final OrderLog orders;
    private final ProposalLog proposals;
    private final ProposalBook book;
    private final Clock clock;

    public BrokerReconciler(Broker broker, OrderLog orders, ProposalLog proposals, ProposalBook book, Clock clock) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.book = Objects.requireNonNull(book, "book");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Reconciles one proposal under its lock.
     *
     * @throws tech.brokerbridge.ports.broker.BrokerException when the broker cannot be asked (nothing changes)
     */
    public void reconcile(String proposalId, ReconcileMode mode) {
        book.locks().withLock(proposalId, () -> reconcileLocked(proposalId, mode));
    }

    private void reconcileLocked(String id, ReconcileMode mode) {
        Optional<Proposal> found = proposals.findProposal(id);
        if (found.isEmpty()) {
            return;
        }
        Proposal p = found.get();
        if (p.status() != ProposalStatus.APPROVED && p.status() != ProposalStatus.EXECUTING
                && p.status() != ProposalStatus.EXECUTED) {
            return;
        }
        List<OrderView> legs = broker.ordersByRef(id);
        Optional<OrderRecord> order = orders.findOrder(id);
        if (legs.isEmpty()) {
            Optional<String> why = mode.missingReason(order);
            if (why.isPresent() && p.status() != ProposalStatus.EXECUTED) {
                LOG.warn("proposal {}: {}", id, why.get());
                book.transition(p, ProposalStatus.FAILED, why.get());
                order.ifPresent(r -> orders.saveOrder(r.with(State.FAILED, r.brokerOrderIds(), why.get(),
                        clock.instant())));
            }
            return;
        }
        if (p.status() == ProposalStatus.APPROVED) {
            p = book.transition(p, ProposalStatus.EXECUTING, "found at the broker by reconciliation");
        }
        List<String> ids = legs.stream().sorted(Comparator.comparing(OrderView::leg))
                .map(OrderView::brokerOrderId).toList();
        Proposal current = p;
        OrderRecord before = order.orElseGet(() -> recordFrom(current, legs));
        OrderRecord rec = OrderProgress.advance(before, State.ACCEPTED, ids, "found at the broker", clock.instant());
        Optional<OrderView> entry = legs.stream().filter(l -> l.leg() == OrderLeg.ENTRY).findFirst();
        if (entry.isPresent() && entry.get().state() == OrderState.FILLED) {
            rec = OrderProgress.advance(rec, State.ENTRY_FILLED, ids, "entry filled", clock.instant());
            if (p.status() == ProposalStatus.EXECUTING) {
                p = book.transition(p, ProposalStatus.EXECUTED, "entry filled at "
                        + entry.get().averageFillPrice() + " (found by reconciliation)");
            }
        } else if (entry.isPresent() && entry.get().filledQuantity() == 0
                && (entry.get().state() == OrderState.CANCELLED || entry.get().state() == OrderState.REJECTED)) {
            String why = "entry order " + entry.get().state().wire() + " at the broker";
            rec = OrderProgress.advance(rec, entry.get().state() == OrderState.CANCELLED ? State.CANCELLED
                    : State.REJECTED, ids, why, clock.instant());
            if (p.status() == ProposalStatus.EXECUTING) {
                book.transition(p, ProposalStatus.FAILED, why);
            }
        }
        boolean childFilled = legs.stream().anyMatch(l -> l.leg() != OrderLeg.ENTRY && l.state() == OrderState.FILLED);
        if (childFilled) {
            rec = OrderProgress.advance(rec, State.CLOSED, ids, "closed by a filled "
                    + legs.stream().filter(l -> l.leg() != OrderLeg.ENTRY && l.state() == OrderState.FILLED)
                            .findFirst().map(l -> l.leg().wire()).orElse("child"), clock.instant());
        }
        if (!rec.equals(order.orElse(null))) {
            orders.saveOrder(rec);
        }
    }

    private OrderRecord recordFrom(Proposal p, List<OrderView> legs) {
        return new OrderRecord(p.proposalId(), p.symbol(), p.direction(), p.quantity(), p.entryPrice(),
                p.stopPrice(), p.targetPrice(), State.ACCEPTED, legs.stream().map(OrderView::brokerOrderId).toList(),
                "found at the broker", clock.instant(), clock.instant());
    }
}
