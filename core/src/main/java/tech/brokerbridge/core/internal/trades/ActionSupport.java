package tech.brokerbridge.core.internal.trades;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.core.internal.proposals.ProposalLocks;
import tech.brokerbridge.core.internal.proposals.RandomIds;
import tech.brokerbridge.core.internal.risk.KillSwitch;
import tech.brokerbridge.core.internal.risk.RiskContextLoader;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeAction.Kind;
import tech.brokerbridge.ports.journal.TradeAction.State;
import tech.brokerbridge.ports.journal.TradeActionLog;
import tech.brokerbridge.ports.journal.TradeLog;

/**
 * What the actions on trades share: their ports, the locks (per symbol: one position's actions one
 * at a time), the journaling of an action before the broker is called (with its approvals-log lines),
 * the replay of a request whose idempotency key is known, and how the broker's answer moves an action.
 * An action's outcome is never guessed: a broker call that fails leaves it {@code requested}, for
 * reconciliation, and it is never sent again.
 */
final class ActionSupport {
    private static final Logger LOG = LoggerFactory.getLogger(ActionSupport.class);
    final Broker broker;
    final OrderLog orders;
    final TradeActionLog actions;
    final TradeLog trades;
    final ProposalLog proposals;
    final ProposalLocks symbolLocks;
    /** The proposal locks: a trade's ref is its proposal id; taken inside a symbol's lock, never around one. */
    final ProposalLocks tradeLocks;
    final KillSwitch killSwitch;
    final RiskContextLoader contexts;
    final TradeEvents events;
    final ProtectionWatch watch;
    final Clock clock;

    ActionSupport(Broker broker, OrderLog orders, TradeActionLog actions, TradeLog trades, ProposalLog proposals,
            ProposalLocks symbolLocks, ProposalLocks tradeLocks, KillSwitch killSwitch, RiskContextLoader contexts,
            TradeEvents events, ProtectionWatch watch, Clock clock) {
        this.broker = Objects.requireNonNull(broker, "broker");
        this.orders = Objects.requireNonNull(orders, "orders");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.trades = Objects.requireNonNull(trades, "trades");
        this.proposals = Objects.requireNonNull(proposals, "proposals");
        this.symbolLocks = Objects.requireNonNull(symbolLocks, "symbolLocks");
        this.tradeLocks = Objects.requireNonNull(tradeLocks, "tradeLocks");
        this.killSwitch = Objects.requireNonNull(killSwitch, "killSwitch");
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        this.events = Objects.requireNonNull(events, "events");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The answer to a request whose idempotency key is known: the first request's action (replayed),
     * or a conflict when the key was used for another kind of action or another target.
     */
    Optional<TradeActionResult> replay(ActionOptions options, Predicate<TradeAction> sameRequest) {
        if (options.idempotencyKey().isEmpty()) {
            return Optional.empty();
        }
        return actions.actionByKey(options.idempotencyKey().get()).map(a -> sameRequest.test(a)
                ? new TradeActionResult.Done(a, true)
                : new TradeActionResult.Conflict("the idempotency key was used for another request (" + a.kind().wire()
                        + " " + a.orderRef().orElse(a.symbol()) + ", " + a.actionId() + ")"));
    }

    /** A new action, {@code requested}, about to be sent. */
    TradeAction intent(Kind kind, ActionOptions options, String symbol, Optional<String> orderRef,
            Optional<String> placedPrefix, TradeAction.Request request, String reason) {
        String id = RandomIds.actionId();
        Instant t = now();
        return new TradeAction(id, kind, options.idempotencyKey(), symbol, orderRef,
                placedPrefix.map(p -> RandomIds.placedRef(p, id)), request, reason, State.REQUESTED, Optional.empty(),
                "recorded; about to be sent to " + broker.name(), t, t);
    }

    /**
     * Journals the action with its lines. When a concurrent request with the same key won the race,
     * that request's action comes back instead (and nothing must be sent).
     */
    Optional<TradeAction> begin(TradeAction intent, List<ApprovalRecord> lines) {
        try {
            actions.beginAction(intent, lines);
        } catch (IllegalStateException e) {
            return Optional.empty();
        }
        events.action(intent);
        return Optional.of(intent);
    }

    TradeAction move(TradeAction a, State state, Optional<String> brokerOrderId, String message) {
        TradeAction next = a.with(state, brokerOrderId, message, now());
        if (!next.equals(a)) {
            actions.saveAction(next);
            events.action(next);
        }
        return next;
    }

    /** The action after the broker's answer to the order it placed ({@code done} once the order is {@code doneAt}). */
    TradeAction placed(TradeAction a, PlaceResult result, OrderState doneAt) {
        if (result instanceof PlaceResult.Accepted ok) {
            boolean done = ok.state() == doneAt || ok.state() == OrderState.FILLED;
            return move(a, done ? State.DONE : State.SENT, Optional.of(ok.brokerOrderId()),
                    (done ? "done at " : "sent to ") + broker.name() + ": order " + ok.brokerOrderId() + " "
                            + ok.state().wire());
        }
        PlaceResult.Rejected no = (PlaceResult.Rejected) result;
        if (no.duplicate()) {
            List<OrderView> found = broker.ordersByRef(no.ref());
            if (!found.isEmpty()) {
                OrderView v = found.get(0);
                return move(a, v.state() == doneAt || v.state() == OrderState.FILLED ? State.DONE : State.SENT,
                        Optional.of(v.brokerOrderId()), "already at " + broker.name() + ": " + v.state().wire());
            }
        }
        return move(a, State.REFUSED, Optional.empty(), "refused by " + broker.name() + ": " + no.reason());
    }

    /** The action when the broker could not be asked: left requested, to be reconciled, never resent. */
    TradeAction unknown(TradeAction a, BrokerException e) {
        LOG.warn("action {}: outcome unknown ({}); it will be reconciled with the broker, never resent",
                a.actionId(), e.getMessage());
        return move(a, State.REQUESTED, Optional.empty(), "outcome unknown (" + e.getMessage()
                + "); will be reconciled with the broker, never sent again");
    }

    /** The broker's position in {@code symbol}, if not flat. */
    Optional<Position> position(String symbol) {
        return broker.positions().stream().filter(p -> p.symbol().equals(symbol) && p.quantity() != 0).findFirst();
    }

    /** The desk's open bracket in {@code symbol}: the trade opened there, or a record whose entry filled. */
    Optional<OrderRecord> deskBracket(String symbol) {
        Optional<OrderRecord> fromTrades = trades.openTrades().stream().filter(t -> t.symbol().equals(symbol))
                .map(OpenTrade::tradeId).map(orders::findOrder).flatMap(Optional::stream)
                .filter(r -> r.state().open()).findFirst();
        return fromTrades.or(() -> orders.orders(500).stream()
                .filter(r -> r.symbol().equals(symbol) && r.state().open()).findFirst());
    }

    /** The latest action of these kinds on {@code symbol} that is not refused or failed. */
    Optional<TradeAction> latest(String symbol, EnumSet<Kind> kinds) {
        return actions.actionsWithState(EnumSet.of(State.REQUESTED, State.SENT, State.DONE)).stream()
                .filter(a -> a.symbol().equals(symbol) && kinds.contains(a.kind()))
                .max(Comparator.comparing(TradeAction::createdAt));
    }

    /** A line of the approvals log for an action on a trade. */
    ApprovalRecord line(ApprovalRecord.Action action, String symbol, Optional<OrderRecord> bracket, long quantity,
            OptionalLong newQuantity, OptionalDouble newStop, OptionalDouble newTarget, String reason) {
        return new ApprovalRecord(now(), bracket.map(OrderRecord::orderRef).orElse(""), symbol, action, quantity,
                bracket.map(OrderRecord::stopPrice).orElse(0.0), bracket.map(OrderRecord::targetPrice).orElse(0.0),
                newQuantity, newStop, newTarget, reason);
    }

    static String reason(ActionOptions options, String otherwise) {
        return options.reason().map(String::strip).filter(r -> !r.isEmpty()).orElse(otherwise);
    }
}
