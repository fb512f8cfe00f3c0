package tech.brokerbridge.core.internal.trades;

import java.util.Optional;
import tech.brokerbridge.core.internal.proposals.ProposalLocks;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.FillRecord;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeAction.Kind;
import tech.brokerbridge.ports.journal.TradeAction.State;

/**
 * Events of the orders the desk's actions placed (closing orders, re-armed stops), under the lock of
 * the trade they belong to: fills and commissions are recorded under the order's own ref and the
 * trade's record follows ({@link TradeRecorder}); a close that filled completes its action; a
 * placed order cancelled or rejected before it was done fails its action (and the position is looked
 * at again for its protection).
 */
public final class PlacedOrderEvents {
    private final ActionSupport s;
    private final TradeRecorder recorder;
    private final ProposalLocks tradeLocks;

    PlacedOrderEvents(ActionSupport support, TradeRecorder recorder, ProposalLocks tradeLocks) {
        this.s = support;
        this.recorder = recorder;
        this.tradeLocks = tradeLocks;
    }

    /** Handles the event if an action placed its order; false when it is none of theirs. */
    public boolean handle(OrderEvent event) {
        Optional<TradeAction> action = s.actions.actionByPlacedRef(event.orderRef());
        if (action.isEmpty()) {
            return false;
        }
        String lock = action.get().orderRef().orElse(event.orderRef());
        tradeLocks.withLock(lock, () -> apply(s.actions.findAction(action.get().actionId()).orElseThrow(), event));
        return true;
    }

    private void apply(TradeAction a, OrderEvent event) {
        s.events.leg(event, a.symbol());
        if (event instanceof OrderEvent.Filled f) {
            if (!MissedFills.coveredAlready(s.orders, f)) {
                s.orders.recordFill(new FillRecord(f.executionId(), f.orderRef(), f.leg(), f.symbol(),
                        f.filledQuantity(), f.price(), f.time()));
            }
            boolean closes = a.kind() == Kind.CLOSE || a.kind() == Kind.FLATTEN;
            if (closes && f.complete() && !a.state().finished()) {
                s.move(a, State.DONE, Optional.of(f.brokerOrderId()), "filled at " + f.price());
            }
            trade(a);
        } else if (event instanceof OrderEvent.Commission c) {
            s.orders.recordCommission(c.executionId(), c.amount());
            trade(a);
        } else if (event instanceof OrderEvent.Cancelled || event instanceof OrderEvent.Rejected) {
            String why = event instanceof OrderEvent.Cancelled c ? "cancelled at the broker: " + c.reason()
                    : "rejected by the broker: " + ((OrderEvent.Rejected) event).reason();
            if (!a.state().finished()) {
                s.move(a, State.FAILED, Optional.empty(), "its order was " + why);
            }
            if (event.leg() == OrderLeg.STOP_LOSS) {
                s.watch.soon(a.symbol(), "its stop " + event.orderRef() + " was " + why);
            } else {
                s.watch.soon();
            }
        }
    }

    /** The trade's record after a fill or commission of one of its placed orders; closed once flat. */
    private void trade(TradeAction a) {
        a.orderRef().flatMap(s.orders::findOrder).ifPresent(r -> {
            if (recorder.update(r) && r.state() != OrderRecord.State.CLOSED) {
                s.orders.saveOrder(r.with(OrderRecord.State.CLOSED, r.brokerOrderIds(),
                        "closed by " + a.kind().wire() + " " + a.actionId(), s.now()));
            }
        });
    }
}
