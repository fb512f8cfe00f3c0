package tech.brokerbridge.core.internal.trades;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.proposals.ProposalLocks;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeAction.Kind;
import tech.brokerbridge.ports.journal.TradeAction.State;

/**
 * Brings the actions and the trades in line with the broker, at start-up and on every upkeep round,
 * never sending anything. An action left {@code requested} (the desk died, or the broker's answer was
 * lost) is looked up at the broker by what it placed or changed: found → it carries on (sent or
 * done); not found → {@code failed}, and it is not sent again. A closing order or stop that filled or
 * ended while the desk did not hear is caught up, and so are the fills of the trades' legs
 * ({@link MissedFills}); a trade whose shares all went out is closed. Each action and each trade is
 * looked at under its lock (symbol, then trade), so an action in flight is never judged half done.
 */
public final class ActionReconciler {
    private static final Logger LOG = LoggerFactory.getLogger(ActionReconciler.class);
    private final ActionSupport s;
    private final TradeOrders tradeOrders;
    private final TradeRecorder recorder;
    private final ProposalLocks tradeLocks;

    ActionReconciler(ActionSupport support, TradeOrders tradeOrders, TradeRecorder recorder, ProposalLocks tradeLocks) {
        this.s = support;
        this.tradeOrders = tradeOrders;
        this.recorder = recorder;
        this.tradeLocks = tradeLocks;
    }

    /**
     * One round; {@code afterRestart} words the failures.
     *
     * @throws BrokerException when the broker cannot be asked (what was done so far stays done)
     */
    public void reconcile(boolean afterRestart) {
        for (TradeAction a : s.actions.actionsWithState(EnumSet.of(State.REQUESTED, State.SENT))) {
            s.symbolLocks.withLock(a.symbol(), () -> s.actions.findAction(a.actionId())
                    .filter(now -> !now.state().finished()).ifPresent(now -> action(now, afterRestart)));
        }
        for (OrderRecord r : openRecords()) {
            tradeLocks.withLock(r.orderRef(), () -> trade(r.orderRef()));
        }
    }

    private void action(TradeAction a, boolean afterRestart) {
        String when = afterRestart ? "after a restart" : "after its call failed";
        if (a.placedRef().isPresent()) {
            List<OrderView> legs = s.broker.ordersByRef(a.placedRef().get());
            if (legs.isEmpty()) {
                if (a.state() == State.REQUESTED) {
                    fail(a, "not found at " + s.broker.name() + " " + when + "; not sent again");
                }
                return;
            }
            OrderView v = legs.get(0);
            OrderState doneAt = a.kind() == Kind.REARM_STOP ? OrderState.WORKING : OrderState.FILLED;
            if (v.state() == OrderState.CANCELLED || v.state() == OrderState.REJECTED) {
                fail(a, "its order is " + v.state().wire() + " at " + s.broker.name());
            } else {
                s.move(a, v.state() == doneAt || v.state() == OrderState.FILLED ? State.DONE : State.SENT,
                        Optional.of(v.brokerOrderId()), "found at " + s.broker.name() + ": " + v.state().wire());
            }
            return;
        }
        if (a.state() != State.REQUESTED || a.orderRef().isEmpty()) {
            return;
        }
        List<OrderView> legs = s.broker.ordersByRef(a.orderRef().get());
        boolean happened = a.kind() == Kind.CANCEL ? !legs.isEmpty() && legs.stream().allMatch(l -> l.state().done())
                : modified(a, legs);
        if (happened) {
            s.move(a, State.DONE, Optional.empty(), "found done at " + s.broker.name());
        } else {
            fail(a, "not taken by " + s.broker.name() + " (found " + when + "); not sent again");
        }
    }

    private static boolean modified(TradeAction a, List<OrderView> legs) {
        boolean stop = a.request().stopPrice().isEmpty() || legs.stream().anyMatch(l -> l.leg() == OrderLeg.STOP_LOSS
                && Math.abs(l.limitOrStopPrice() - a.request().stopPrice().getAsDouble()) < 1e-6);
        boolean target = a.request().targetPrice().isEmpty() || legs.stream().anyMatch(l -> l.leg() == OrderLeg.TAKE_PROFIT
                && Math.abs(l.limitOrStopPrice() - a.request().targetPrice().getAsDouble()) < 1e-6);
        return stop && target;
    }

    private void fail(TradeAction a, String why) {
        LOG.warn("action {} ({} {}): {}", a.actionId(), a.kind().wire(), a.symbol(), why);
        s.move(a, State.FAILED, Optional.empty(), why);
        s.watch.soon();
    }

    /** Catches up what the trade's orders filled and the desk did not hear; closes it once flat. */
    private void trade(String ref) {
        boolean any = false;
        for (String r : tradeOrders.refs(ref)) {
            any |= MissedFills.catchUp(s.orders, r, s.broker.ordersByRef(r), s.now());
        }
        Optional<OrderRecord> record = s.orders.findOrder(ref);
        if (any && record.isPresent()) {
            LOG.info("trade {}: fills caught up from {}", ref, s.broker.name());
            OrderRecord r = record.get();
            if (recorder.update(r) && r.state() != OrderRecord.State.CLOSED) {
                s.orders.saveOrder(r.with(OrderRecord.State.CLOSED, r.brokerOrderIds(), "closed (found by"
                        + " reconciliation)", s.now()));
            }
        }
    }

    /** The desk's brackets that may hold a position: their entry filled, or they are still working. */
    private List<OrderRecord> openRecords() {
        return s.orders.orders(500).stream().filter(r -> r.state().open()
                || r.state() == OrderRecord.State.ACCEPTED).toList();
    }
}
