package tech.brokerbridge.core.internal.trades;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.core.internal.risk.LevelChecks;
import tech.brokerbridge.core.internal.risk.RiskGates;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeAction.Kind;
import tech.brokerbridge.ports.journal.TradeAction.State;

/**
 * Cancelling an unfilled bracket and moving a bracket's stop or target, by its ref, under the lock of
 * its symbol. A cancel is refused once any of the entry filled (the position is closed instead). A
 * modification is judged by {@link LevelChecks} first (stop and target on the right side of the last
 * price, no widening past the portfolio-heat limit) and refused while the kill switch is engaged if it
 * widens the stop; it is sent as a modification of the same orders. Without an idempotency key, asking
 * for what already is (a cancelled bracket, a stop already at that level) answers the earlier action.
 */
final class OrderActions {
    private final ActionSupport s;

    OrderActions(ActionSupport support) {
        this.s = support;
    }

    TradeActionResult cancel(String orderRef, ActionOptions options) {
        Optional<OrderRecord> found = s.orders.findOrder(orderRef);
        if (found.isEmpty()) {
            return new TradeActionResult.NotFound("no order " + orderRef);
        }
        OrderRecord record = found.get();
        return s.symbolLocks.withLock(record.symbol(), () -> {
            Optional<TradeActionResult> replay = s.replay(options,
                    a -> a.kind() == Kind.CANCEL && a.orderRef().equals(Optional.of(orderRef)));
            if (replay.isPresent()) {
                return replay.get();
            }
            List<OrderView> legs = s.broker.ordersByRef(orderRef);
            Optional<OrderView> entry = legs.stream().filter(l -> l.leg() == OrderLeg.ENTRY).findFirst();
            if (entry.isPresent() && entry.get().filledQuantity() > 0) {
                return new TradeActionResult.Conflict("the entry of " + orderRef + " has filled ("
                        + entry.get().filledQuantity() + " shares): close the position instead (POST /api/positions/"
                        + record.symbol() + "/close), so that its stop is never left out");
            }
            if (legs.stream().allMatch(l -> l.state().done())) {
                return previous(orderRef, Kind.CANCEL).<TradeActionResult>map(a -> new TradeActionResult.Done(a, true))
                        .orElseGet(() -> new TradeActionResult.Conflict("nothing of " + orderRef
                                + " is working to cancel (" + record.state().wire() + ")"));
            }
            String reason = ActionSupport.reason(options, "");
            TradeAction intent = s.intent(Kind.CANCEL, options, record.symbol(), Optional.of(orderRef),
                    Optional.empty(), TradeAction.Request.none(), reason);
            ApprovalRecord line = s.line(ApprovalRecord.Action.CANCEL, record.symbol(), found, record.quantity(),
                    OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), reason);
            Optional<TradeAction> begun = s.begin(intent, List.of(line));
            if (begun.isEmpty()) {
                return s.replay(options, a -> true).orElseThrow();
            }
            try {
                int n = s.broker.cancel(orderRef);
                return new TradeActionResult.Done(s.move(begun.get(), State.DONE, Optional.empty(),
                        "asked " + s.broker.name() + " to cancel " + n + " legs"), false);
            } catch (BrokerException e) {
                return new TradeActionResult.Done(s.unknown(begun.get(), e), false);
            }
        });
    }

    TradeActionResult modify(String orderRef, ModifyRequest request) {
        Optional<TradeActionResult.Invalid> invalid = validate(request);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        Optional<OrderRecord> found = s.orders.findOrder(orderRef);
        if (found.isEmpty()) {
            return new TradeActionResult.NotFound("no order " + orderRef);
        }
        return s.symbolLocks.withLock(found.get().symbol(), () -> modifyLocked(found.get(), request));
    }

    private TradeActionResult modifyLocked(OrderRecord record, ModifyRequest request) {
        String ref = record.orderRef();
        Optional<TradeActionResult> replay = s.replay(request.options(),
                a -> a.kind() == Kind.MODIFY && a.orderRef().equals(Optional.of(ref)));
        if (replay.isPresent()) {
            return replay.get();
        }
        List<OrderView> legs = s.broker.ordersByRef(ref);
        Optional<OrderView> entry = leg(legs, OrderLeg.ENTRY);
        Optional<OrderView> stop = leg(legs, OrderLeg.STOP_LOSS);
        Optional<OrderView> target = leg(legs, OrderLeg.TAKE_PROFIT);
        if (entry.isEmpty() || stop.isEmpty() || target.isEmpty()) {
            return new TradeActionResult.Conflict("the broker holds no bracket " + ref);
        }
        boolean filled = entry.get().filledQuantity() > 0;
        Optional<Position> position = s.position(record.symbol());
        double reference = filled ? position.map(Position::marketPrice).filter(pr -> pr > 0)
                .orElse(entry.get().averageFillPrice()) : entry.get().limitOrStopPrice();
        String referenceName = filled ? "last price" : "entry";
        if (request.stopToBreakeven() && !filled) {
            return new TradeActionResult.Invalid("stop_to_breakeven", "the entry has not filled: no breakeven yet");
        }
        Optional<TrailingStop> trail = request.trailing();
        OptionalDouble newStop = request.stopToBreakeven() ? OptionalDouble.of(entry.get().averageFillPrice())
                : trail.isPresent() ? OptionalDouble.of(trail.get().stopFrom(record.direction(), reference))
                : request.stopPrice();
        OptionalDouble newTarget = request.targetPrice();
        if ((newStop.isPresent() && stop.get().state().done()) || (newTarget.isPresent() && target.get().state().done())) {
            return new TradeActionResult.Conflict("the " + (newStop.isPresent() && stop.get().state().done()
                    ? "stop loss" : "take profit") + " of " + ref + " is no longer working: nothing to move");
        }
        if (alreadyThere(stop.get(), target.get(), newStop, newTarget, trail)) {
            Optional<TradeAction> earlier = previous(ref, Kind.MODIFY);
            if (earlier.isPresent()) {
                return new TradeActionResult.Done(earlier.get(), true);
            }
        }
        double currentStop = stop.get().limitOrStopPrice();
        boolean widens = newStop.isPresent()
                && LevelChecks.widens(record.direction(), currentStop, newStop.getAsDouble());
        if (widens && s.killSwitch.engaged()) {
            return new TradeActionResult.Conflict(s.killSwitch.refusal() + "; widening a stop adds risk");
        }
        long shares = stop.get().remainingQuantity();
        List<GateResult> gates = LevelChecks.evaluate(new LevelChecks.Change(record.symbol(), record.direction(),
                shares, reference, referenceName, OptionalDouble.of(currentStop), newStop, newTarget), s.contexts.load());
        if (!RiskGates.allPassed(gates)) {
            return new TradeActionResult.GatesFailed(gates);
        }
        return send(record, request, new TradeAction.Request(OptionalLong.empty(), OptionalDouble.empty(), newStop,
                newTarget, trail), shares);
    }

    private TradeActionResult send(OrderRecord record, ModifyRequest request, TradeAction.Request levels, long shares) {
        String reason = ActionSupport.reason(request.options(), request.stopToBreakeven() ? "stop to breakeven" : "");
        List<ApprovalRecord> lines = new ArrayList<>();
        Optional<OrderRecord> bracket = Optional.of(record);
        levels.stopPrice().ifPresent(x -> lines.add(s.line(ApprovalRecord.Action.MODIFY_STOP, record.symbol(), bracket,
                shares, OptionalLong.empty(), OptionalDouble.of(x), OptionalDouble.empty(), reason)));
        levels.targetPrice().ifPresent(x -> lines.add(s.line(ApprovalRecord.Action.MODIFY_TARGET, record.symbol(),
                bracket, shares, OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.of(x), reason)));
        TradeAction intent = s.intent(Kind.MODIFY, request.options(), record.symbol(), Optional.of(record.orderRef()),
                Optional.empty(), levels, reason);
        Optional<TradeAction> begun = s.begin(intent, lines);
        if (begun.isEmpty()) {
            return s.replay(request.options(), a -> true).orElseThrow();
        }
        TradeAction a = begun.get();
        try {
            ModifyResult result = s.broker.modify(record.orderRef(), new ProtectionChange(levels.stopPrice(),
                    levels.targetPrice(), levels.trailing()));
            if (result instanceof ModifyResult.Refused no) {
                return new TradeActionResult.Done(s.move(a, State.REFUSED, Optional.empty(), "refused by "
                        + s.broker.name() + ": " + no.reason()), false);
            }
            s.tradeLocks.withLock(record.orderRef(), () -> s.orders.findOrder(record.orderRef()).ifPresent(r ->
                    s.orders.saveOrder(new OrderRecord(r.orderRef(), r.symbol(), r.direction(), r.quantity(),
                            r.entryPrice(), levels.stopPrice().orElse(r.stopPrice()),
                            levels.targetPrice().orElse(r.targetPrice()), r.state(), r.brokerOrderIds(), r.message(),
                            r.createdAt(), s.now()))));
            return new TradeActionResult.Done(s.move(a, State.DONE, Optional.empty(), "modified at "
                    + s.broker.name()), false);
        } catch (BrokerException e) {
            return new TradeActionResult.Done(s.unknown(a, e), false);
        } finally {
            s.watch.soon();
        }
    }

    static Optional<TradeActionResult.Invalid> validate(ModifyRequest r) {
        int stopChanges = (r.stopPrice().isPresent() ? 1 : 0) + (r.stopToBreakeven() ? 1 : 0)
                + (r.trailingPercent().isPresent() ? 1 : 0) + (r.trailingAmount().isPresent() ? 1 : 0);
        if (stopChanges == 0 && r.targetPrice().isEmpty()) {
            return Optional.of(new TradeActionResult.Invalid("body", "give stop_price, target_price,"
                    + " stop_to_breakeven, trailing_percent or trailing_amount"));
        }
        if (stopChanges > 1) {
            return Optional.of(new TradeActionResult.Invalid("stop_price", "give one of stop_price,"
                    + " stop_to_breakeven, trailing_percent and trailing_amount"));
        }
        Optional<TradeActionResult.Invalid> price = positive("stop_price", r.stopPrice())
                .or(() -> positive("target_price", r.targetPrice()));
        if (price.isPresent()) {
            return price;
        }
        OptionalDouble pct = r.trailingPercent();
        if (pct.isPresent() && !(pct.getAsDouble() > 0 && pct.getAsDouble() < 100)) {
            return Optional.of(new TradeActionResult.Invalid("trailing_percent", "must be above 0 and below 100"));
        }
        OptionalDouble amount = r.trailingAmount();
        if (amount.isPresent() && !(amount.getAsDouble() > 0 && Double.isFinite(amount.getAsDouble()))) {
            return Optional.of(new TradeActionResult.Invalid("trailing_amount", "must be a positive price distance"));
        }
        return Optional.empty();
    }

    private static Optional<TradeActionResult.Invalid> positive(String field, OptionalDouble v) {
        return v.isPresent() && !(v.getAsDouble() > 0 && Double.isFinite(v.getAsDouble()))
                ? Optional.of(new TradeActionResult.Invalid(field, "must be a positive price")) : Optional.empty();
    }

    private static boolean alreadyThere(OrderView stop, OrderView target, OptionalDouble newStop,
            OptionalDouble newTarget, Optional<TrailingStop> trail) {
        boolean stopThere = newStop.isEmpty() || (Math.abs(stop.limitOrStopPrice() - newStop.getAsDouble()) < 1e-9
                && stop.trailing().equals(trail));
        boolean targetThere = newTarget.isEmpty() || Math.abs(target.limitOrStopPrice() - newTarget.getAsDouble()) < 1e-9;
        return stopThere && targetThere;
    }

    private Optional<TradeAction> previous(String orderRef, Kind kind) {
        List<TradeAction> of = s.actions.actionsOf(orderRef).stream()
                .filter(a -> a.kind() == kind && EnumSet.of(State.SENT, State.DONE, State.REQUESTED).contains(a.state()))
                .toList();
        return of.isEmpty() ? Optional.empty() : Optional.of(of.get(of.size() - 1));
    }

    private static Optional<OrderView> leg(List<OrderView> legs, OrderLeg kind) {
        return legs.stream().filter(l -> l.leg() == kind).findFirst();
    }
}
