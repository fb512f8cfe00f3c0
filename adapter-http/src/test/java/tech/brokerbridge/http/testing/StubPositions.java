package tech.brokerbridge.http.testing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.PositionDesk;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.desk.TradeStats;
import tech.brokerbridge.ports.desk.TradeSummary;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * The looking-after-trades part of {@link StubDesk}: canned views, recorded requests, and answers a
 * test may replace. By default an action is done at once.
 */
public final class StubPositions implements PositionDesk {
    public volatile List<PositionView> positions = List.of();
    public volatile List<BracketView> brackets = List.of();
    public volatile List<ClosedTrade> closed = List.of();
    public final List<Object> requests = new CopyOnWriteArrayList<>();
    public volatile BiFunction<String, Object, TradeActionResult> onAction = (target, request) ->
            new TradeActionResult.Done(action(target, request), false);
    public volatile KillSwitchOutcome killSwitchOutcome = new KillSwitchOutcome(0, List.of(), List.of(), List.of(),
            List.of());

    /** A done action for {@code target}, as the default answer makes it. */
    public static TradeAction action(String target, Object request) {
        TradeAction.Kind kind = request instanceof CloseRequest ? TradeAction.Kind.CLOSE
                : request instanceof ModifyRequest ? TradeAction.Kind.MODIFY
                : request instanceof String s && s.equals("rearm") ? TradeAction.Kind.REARM_STOP : TradeAction.Kind.CANCEL;
        OptionalLong q = request instanceof CloseRequest c ? c.quantity() : OptionalLong.empty();
        return new TradeAction("act-0123456789ab", kind, Optional.empty(), "AAPL",
                target.startsWith("prp-") ? Optional.of(target) : Optional.empty(),
                kind == TradeAction.Kind.CLOSE ? Optional.of("cls-0123456789ab") : Optional.empty(),
                new TradeAction.Request(q, OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(),
                        Optional.empty()), "", TradeAction.State.DONE, Optional.of("4711"), "done", StubDesk.T0,
                StubDesk.T0);
    }

    KillSwitchOutcome engage(KillSwitchRequest r) {
        requests.add(r);
        return killSwitchOutcome;
    }

    @Override
    public List<PositionView> positions() {
        return positions;
    }

    @Override
    public TradeActionResult closePosition(String symbol, CloseRequest request) {
        requests.add(request);
        return onAction.apply(symbol, request);
    }

    @Override
    public TradeActionResult cancelOrder(String orderRef, ActionOptions options) {
        requests.add(options);
        return onAction.apply(orderRef, options);
    }

    @Override
    public TradeActionResult modifyOrder(String orderRef, ModifyRequest request) {
        requests.add(request);
        return onAction.apply(orderRef, request);
    }

    @Override
    public TradeActionResult rearmStop(String symbol, ActionOptions options) {
        requests.add(options);
        return onAction.apply(symbol, "rearm");
    }

    @Override
    public List<BracketView> brackets(int limit) {
        return brackets.stream().limit(limit).toList();
    }

    @Override
    public List<ClosedTrade> closedTrades(Instant from, Instant to) {
        requests.add(List.of(from, to));
        return closed.stream().filter(t -> !t.exitTime().isBefore(from) && t.exitTime().isBefore(to)).toList();
    }

    @Override
    public TradeSummary tradeSummary() {
        TradeStats none = new TradeStats(0, 0, 0, 0, 0, 0, OptionalDouble.empty(), 0, 0);
        return new TradeSummary(StubDesk.T0, none, none, none, Map.of(), Map.of());
    }
}
