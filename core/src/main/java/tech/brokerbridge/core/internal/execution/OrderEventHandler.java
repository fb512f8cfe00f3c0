package tech.brokerbridge.core.internal.execution;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.proposals.ProposalBook;
import tech.brokerbridge.core.internal.trades.PositionService;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.OrderRecord.State;
import tech.brokerbridge.ports.journal.Proposal;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.ProposalStatus;

/**
 * Applies broker order events to the desk's records, under the proposal's lock: a working leg moves
 * the order to accepted (saved as order progress: the broker holds it too); fills are recorded
 * (once per execution id) with their commissions; a complete entry fill makes the proposal
 * {@code executed} and opens the trade; the order closes when the trade's shares have all gone out,
 * by its stop, its target or the desk's closes ({@link TradeRecorder}); a rejected entry or a cancelled
 * unfilled entry makes an executing proposal {@code failed} with the broker's reason; a protective leg
 * cancelled or rejected after the entry filled has the position's protection looked at again. Events
 * of the orders the desk's actions placed go to {@link PlacedOrderEvents}. Events for refs the desk
 * never sent are ignored.
 */
public final class OrderEventHandler {
    private static final Logger LOG = LoggerFactory.getLogger(OrderEventHandler.class);
    private final OrderLog orders;
    private final ProposalLog proposals;
    private final ProposalBook book;
    private final Clock clock;
    private final PositionService trades;

    public OrderEventHandler(OrderLog orders, ProposalLog proposals, ProposalBook book, PositionService trades,
            Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.book = Objects.requireNonNull(book, "book");
        this.trades = Objects.requireNonNull(trades, "trades");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void handle(OrderEvent event) {
        if (trades.placedOrderEvents().handle(event)) {
            return;
        }
        book.locks().withLock(event.orderRef(), () -> handleLocked(event));
    }

    private void handleLocked(OrderEvent event) {
        Optional<OrderRecord> found = orders.findOrder(event.orderRef());
        if (found.isEmpty()) {
            LOG.debug("order event for unknown ref ignored");
            return;
        }
        OrderRecord rec = found.get();
        OrderRecord next = rec;
        var now = clock.instant();
        boolean fillsChanged = false;
        if (event instanceof OrderEvent.Working) {
            next = OrderProgress.advance(rec, State.ACCEPTED, List.of(), "working at the broker", now);
        } else if (event instanceof OrderEvent.Filled f) {
            if (!trades.coveredAlready(f)) {
                orders.recordFill(new FillRecord(f.executionId(), f.orderRef(), f.leg(), f.symbol(),
                        f.filledQuantity(), f.price(), f.time()));
            }
            fillsChanged = true;
            if (f.complete() && f.leg() == OrderLeg.ENTRY) {
                next = OrderProgress.advance(rec, State.ENTRY_FILLED, List.of(), "entry filled at " + f.price(), now);
                proposal(f.orderRef(), ProposalStatus.EXECUTED, "entry filled at " + f.price());
            }
        } else if (event instanceof OrderEvent.Commission c) {
            fillsChanged = orders.recordCommission(c.executionId(), c.amount());
        } else if (event instanceof OrderEvent.Modified m && m.leg().protective()) {
            next = levels(rec, m, now);
        } else if (event instanceof OrderEvent.Rejected r && r.leg() != OrderLeg.ENTRY && rec.state().open()) {
            // a protective leg of a filled position: the position stays open, maybe unprotected
            lostLeg(rec, r.leg(), "rejected by the broker: " + r.reason());
        } else if (event instanceof OrderEvent.Cancelled c && c.leg().protective() && rec.state().open()) {
            lostLeg(rec, c.leg(), "cancelled at the broker: " + c.reason());
        } else if (event instanceof OrderEvent.Rejected r) {
            String why = "rejected by the broker (" + r.leg().wire() + "): " + r.reason();
            next = OrderProgress.advance(rec, State.REJECTED, List.of(), why, now);
            proposal(r.orderRef(), ProposalStatus.FAILED, why);
        } else if (event instanceof OrderEvent.Cancelled c && c.leg() == OrderLeg.ENTRY
                && !rec.state().open() && rec.state() != State.CLOSED) {
            long filled = orders.fills(c.orderRef()).stream().filter(x -> x.leg() == OrderLeg.ENTRY)
                    .mapToLong(FillRecord::quantity).sum();
            if (filled > 0) {
                String why = "entry partly filled (" + filled + " shares), rest cancelled: " + c.reason();
                next = OrderProgress.advance(rec, State.ENTRY_FILLED, List.of(), why, now);
                proposal(c.orderRef(), ProposalStatus.EXECUTED, why);
            } else {
                String why = "entry order cancelled at the broker: " + c.reason();
                next = OrderProgress.advance(rec, State.CANCELLED, List.of(), why, now);
                proposal(c.orderRef(), ProposalStatus.FAILED, why);
            }
        }
        if (!next.equals(rec)) {
            if (event instanceof OrderEvent.Working) {
                orders.saveOrderProgress(next); // the broker holds it too: no sync of its own
            } else {
                orders.saveOrder(next);
            }
        }
        if (fillsChanged && trades.recorder().update(next) && next.state() != State.CLOSED) {
            Optional<FillRecord> last = orders.fills(next.orderRef()).stream().reduce((a, b) -> b);
            orders.saveOrder(next.with(State.CLOSED, next.brokerOrderIds(), "closed: every share went out"
                    + last.map(f -> " (last by the " + f.leg().wire() + " at " + f.price() + ")").orElse(""),
                    clock.instant()));
        }
    }

    /**
     * A protective leg of an open position went: the position's protection is looked at again from the
     * broker's figures (a close cutting its own stop is no loss); a stop's cause goes with the warning.
     */
    private void lostLeg(OrderRecord rec, OrderLeg leg, String why) {
        if (leg == OrderLeg.STOP_LOSS) {
            trades.watch().soon(rec.symbol(), "its stop " + rec.orderRef() + " was " + why);
        } else {
            trades.watch().soon();
        }
    }

    /** The record follows its stop and target where the broker moved them. */
    private static OrderRecord levels(OrderRecord r, OrderEvent.Modified m, java.time.Instant now) {
        double stop = m.leg() == OrderLeg.STOP_LOSS ? m.price() : r.stopPrice();
        double target = m.leg() == OrderLeg.TAKE_PROFIT ? m.price() : r.targetPrice();
        if (stop == r.stopPrice() && target == r.targetPrice()) {
            return r;
        }
        return new OrderRecord(r.orderRef(), r.symbol(), r.direction(), r.quantity(), r.entryPrice(), stop, target,
                r.state(), r.brokerOrderIds(), r.message(), r.createdAt(), now);
    }

    private void proposal(String id, ProposalStatus to, String reason) {
        Optional<Proposal> p = proposals.findProposal(id);
        if (p.isPresent() && p.get().status() == ProposalStatus.EXECUTING) {
            book.transition(p.get(), to, reason);
        } else if (p.isPresent() && to == ProposalStatus.EXECUTED && p.get().status() != ProposalStatus.EXECUTED) {
            // reality beats the record: a fill on a proposal the desk gave up on needs a human look
            LOG.warn("proposal {} is {} but the broker reports its entry filled; check the position", id,
                    p.get().status().wire());
        } else {
            p.ifPresent(x -> LOG.info("proposal {} is {}; event '{}' recorded on the order only", id,
                    x.status().wire(), reason));
        }
    }
}
