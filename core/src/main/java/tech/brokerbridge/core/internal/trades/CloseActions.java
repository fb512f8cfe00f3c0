package tech.brokerbridge.core.internal.trades;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.journal.ApprovalRecord;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.TradeAction;
import tech.brokerbridge.ports.journal.TradeAction.Kind;
import tech.brokerbridge.ports.journal.TradeAction.State;
import tech.brokerbridge.ports.market.Direction;

/**
 * Closing a position, whole or in part, at market or at a limit: under the symbol's lock, the action
 * is journaled (with its {@code close} line in the approvals log) and then sent once as a
 * {@link CloseOrder} that cuts the bracket's stop and target in the same step. Allowed while the kill
 * switch is engaged (it reduces risk); the kill switch's flatten closes every position this way.
 *
 * <p>A re-armed stop (a stand-alone stop placed for the position) is cancelled with a whole close, just
 * before the closing order goes out; a partial close of a position it protects is refused.
 *
 * <p>Idempotency: with a key, the first request's action; without, closing a whole position that is
 * already being closed (or was just closed) answers that close again, and shares that working closes
 * already take out cannot be closed a second time.
 */
final class CloseActions {
    private static final EnumSet<Kind> CLOSES = EnumSet.of(Kind.CLOSE, Kind.FLATTEN);
    /** How long after a whole close a repeated one (a client's retry) answers that close rather than 404. */
    static final java.time.Duration RETRY_WINDOW = java.time.Duration.ofMinutes(15);
    private final ActionSupport s;

    CloseActions(ActionSupport support) {
        this.s = support;
    }

    TradeActionResult close(String symbol, CloseRequest request) {
        if (request.quantity().isPresent() && request.quantity().getAsLong() <= 0) {
            return new TradeActionResult.Invalid("quantity", "must be a positive whole number of shares");
        }
        OptionalDouble limit = request.limitPrice();
        if (limit.isPresent() && !(limit.getAsDouble() > 0 && Double.isFinite(limit.getAsDouble()))) {
            return new TradeActionResult.Invalid("limit_price", "must be a positive price");
        }
        return s.symbolLocks.withLock(symbol, () -> closeLocked(symbol, request, Kind.CLOSE,
                ActionSupport.reason(request.options(), "")));
    }

    /** The kill switch's flatten: the whole position at market. */
    TradeActionResult flatten(String symbol, String why) {
        CloseRequest all = CloseRequest.all(Optional.of(why));
        return s.symbolLocks.withLock(symbol, () -> closeLocked(symbol, all, Kind.FLATTEN, "flatten: " + why));
    }

    private TradeActionResult closeLocked(String symbol, CloseRequest request, Kind kind, String reason) {
        Optional<TradeActionResult> replay = s.replay(request.options(),
                a -> CLOSES.contains(a.kind()) && a.symbol().equals(symbol));
        if (replay.isPresent()) {
            return replay.get();
        }
        Optional<Position> position = s.position(symbol);
        if (position.isEmpty()) {
            return s.latest(symbol, CLOSES).filter(a -> request.quantity().isEmpty()
                    && a.createdAt().plus(RETRY_WINDOW).isAfter(s.now()))
                    .<TradeActionResult>map(a -> new TradeActionResult.Done(a, true))
                    .orElseGet(() -> new TradeActionResult.NotFound("no open position in " + symbol));
        }
        Position p = position.get();
        long shares = Math.abs(p.quantity());
        Direction side = p.quantity() > 0 ? Direction.LONG : Direction.SHORT;
        long closing = s.broker.openOrders().stream().filter(o -> o.symbol().equals(symbol)
                && o.leg() == OrderLeg.CLOSE && o.direction() == side && !o.state().done())
                .mapToLong(OrderView::remainingQuantity).sum();
        if (request.quantity().isEmpty() && closing >= shares) {
            Optional<TradeAction> inProgress = s.latest(symbol, CLOSES).filter(a -> !a.state().finished()
                    || a.state() == State.DONE);
            if (inProgress.isPresent()) {
                return new TradeActionResult.Done(inProgress.get(), true);
            }
        }
        long free = shares - closing;
        long quantity = request.quantity().orElse(free);
        if (quantity > free || free <= 0) {
            return closing > 0
                    ? new TradeActionResult.Conflict(closing + " of the " + shares + " shares of " + symbol
                            + " are being closed already; " + Math.max(0, free) + " can still be closed")
                    : new TradeActionResult.Invalid("quantity", "the position in " + symbol + " is " + shares
                            + " shares");
        }
        List<String> loneStops = s.broker.openOrders().stream().filter(o -> o.symbol().equals(symbol)
                && o.leg() == OrderLeg.STOP_LOSS && o.direction() == side && StopOrder.isStopRef(o.orderRef())
                && !o.state().done()).map(OrderView::orderRef).distinct().toList();
        if (!loneStops.isEmpty() && quantity < shares) {
            return new TradeActionResult.Conflict("a re-armed stop (" + String.join(", ", loneStops) + ") protects "
                    + symbol + ": close the whole position, which cancels it with the close");
        }
        Optional<OrderRecord> bracket = s.deskBracket(symbol);
        TradeAction intent = s.intent(kind, request.options(), symbol, bracket.map(OrderRecord::orderRef),
                Optional.of(CloseOrder.REF_PREFIX), new TradeAction.Request(OptionalLong.of(quantity),
                        request.limitPrice(), OptionalDouble.empty(), OptionalDouble.empty(), Optional.empty()),
                reason);
        ApprovalRecord line = s.line(ApprovalRecord.Action.CLOSE, symbol, bracket, shares,
                OptionalLong.of(shares - quantity), OptionalDouble.empty(), OptionalDouble.empty(), reason);
        Optional<TradeAction> begun = s.begin(intent, List.of(line));
        if (begun.isEmpty()) {
            return s.replay(request.options(), a -> true).orElseThrow(); // a concurrent request with the key won
        }
        TradeAction a = begun.get();
        CloseOrder order = new CloseOrder(a.placedRef().orElseThrow(), bracket.map(OrderRecord::orderRef), symbol,
                side, quantity, request.limitPrice());
        try {
            for (String stop : loneStops) { // a re-armed stop goes with the whole position, like the bracket's
                s.broker.cancel(stop);
            }
            PlaceResult result = s.broker.close(order);
            return new TradeActionResult.Done(s.placed(a, result, OrderState.FILLED), false);
        } catch (BrokerException e) {
            return new TradeActionResult.Done(s.unknown(a, e), false);
        } finally {
            s.watch.soon();
        }
    }
}
