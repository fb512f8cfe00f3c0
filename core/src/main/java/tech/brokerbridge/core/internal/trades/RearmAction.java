package tech.brokerbridge.core.internal.trades;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.core.internal.risk.LevelChecks;
import tech.brokerbridge.core.internal.risk.RiskGates;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.GateResult;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeAction.Kind;

/**
 * "Re-arm stop": a stand-alone stop for the shares of a position no working stop covers, at the level
 * the desk's bracket had for its stop, only ever on the user's request. The level must still be on
 * the right side of the last price ({@link LevelChecks}); a position the desk did not open has no
 * level the desk could know. Allowed while the kill switch is engaged (it adds protection).
 */
final class RearmAction {
    private final ActionSupport s;

    RearmAction(ActionSupport support) {
        this.s = support;
    }

    TradeActionResult rearm(String symbol, ActionOptions options) {
        return s.symbolLocks.withLock(symbol, () -> {
            Optional<TradeActionResult> replay = s.replay(options,
                    a -> a.kind() == Kind.REARM_STOP && a.symbol().equals(symbol));
            if (replay.isPresent()) {
                return replay.get();
            }
            Optional<Position> position = s.position(symbol);
            if (position.isEmpty()) {
                return new TradeActionResult.NotFound("no open position in " + symbol);
            }
            Position p = position.get();
            Cover cover = Cover.of(p, s.broker.openOrders());
            if (cover.unprotected() == 0) {
                return s.latest(symbol, EnumSet.of(Kind.REARM_STOP)).filter(a -> !a.state().finished()
                        || a.state() == TradeAction.State.DONE)
                        .<TradeActionResult>map(a -> new TradeActionResult.Done(a, true))
                        .orElseGet(() -> new TradeActionResult.Conflict("every share of " + symbol
                                + " is covered by a working stop or close: nothing to re-arm"));
            }
            Optional<OrderRecord> bracket = s.deskBracket(symbol);
            if (bracket.isEmpty()) {
                return new TradeActionResult.Conflict("the desk did not open the position in " + symbol
                        + " and knows no stop level for it: place its stop in the broker's own software");
            }
            OrderRecord r = bracket.get();
            double stop = r.stopPrice();
            List<GateResult> gates = LevelChecks.evaluate(new LevelChecks.Change(symbol, r.direction(),
                    cover.unprotected(), p.marketPrice(), "last price", OptionalDouble.empty(), OptionalDouble.of(stop),
                    OptionalDouble.empty()), s.contexts.load()).stream()
                    .filter(g -> g.gate().equals(LevelChecks.STOP_SIDE)).toList(); // protection never adds risk
            if (!RiskGates.allPassed(gates)) {
                return new TradeActionResult.GatesFailed(gates);
            }
            String reason = ActionSupport.reason(options, "re-arm the stop");
            TradeAction intent = s.intent(Kind.REARM_STOP, options, symbol, Optional.of(r.orderRef()),
                    Optional.of(StopOrder.REF_PREFIX), new TradeAction.Request(OptionalLong.of(cover.unprotected()),
                            OptionalDouble.empty(), OptionalDouble.of(stop), OptionalDouble.empty(), Optional.empty()),
                    reason);
            ApprovalRecord line = s.line(ApprovalRecord.Action.REARM_STOP, symbol, bracket, cover.shares(),
                    OptionalLong.of(cover.unprotected()), OptionalDouble.of(stop), OptionalDouble.empty(), reason);
            Optional<TradeAction> begun = s.begin(intent, List.of(line));
            if (begun.isEmpty()) {
                return s.replay(options, a -> true).orElseThrow();
            }
            TradeAction a = begun.get();
            try {
                StopOrder order = new StopOrder(a.placedRef().orElseThrow(), symbol, r.direction(), cover.unprotected(),
                        stop);
                return new TradeActionResult.Done(s.placed(a, s.broker.protect(order), OrderState.WORKING), false);
            } catch (BrokerException e) {
                return new TradeActionResult.Done(s.unknown(a, e), false);
            } finally {
                s.watch.soon();
            }
        });
    }
}
