package tech.brokerbridge.core.internal.trades;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import tech.brokerbridge.core.internal.account.AccountInterlock;
import tech.brokerbridge.core.internal.events.EventHub;
import tech.brokerbridge.core.internal.proposals.ProposalLocks;
import tech.brokerbridge.core.internal.risk.KillSwitch;
import tech.brokerbridge.core.internal.risk.RiskContextLoader;
import tech.brokerbridge.core.internal.risk.UnfilledEntries;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.desk.ActionOptions;
import tech.brokerbridge.ports.desk.BracketView;
import tech.brokerbridge.ports.desk.CloseRequest;
import tech.brokerbridge.ports.desk.KillSwitchOutcome;
import tech.brokerbridge.ports.desk.KillSwitchRequest;
import tech.brokerbridge.ports.desk.ModifyRequest;
import tech.brokerbridge.ports.desk.PositionDesk;
import tech.brokerbridge.ports.desk.PositionView;
import tech.brokerbridge.ports.desk.TradeActionResult;
import tech.brokerbridge.ports.desk.TradeSummary;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.Journal;
import tech.brokerbridge.ports.journal.OrderLog;
import tech.brokerbridge.ports.journal.ProposalLog;
import tech.brokerbridge.ports.journal.KillSwitchState.EngagedBy;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.journal.TradeAction;

/**
 * Looking after open trades: the {@link PositionDesk} use cases over the services of this package,
 * and the kill switch's cancel and flatten. Built once per desk; thread-safe.
 */
public final class PositionService implements PositionDesk {
    private final ActionSupport support;
    private final CloseActions closes;
    private final OrderActions orderActions;
    private final RearmAction rearm;
    private final TradeOrders tradeOrders;
    private final TradeRecorder recorder;
    private final PlacedOrderEvents placedEvents;
    private final ActionReconciler reconciler;
    private final ProtectionWatch watch;
    private final AccountInterlock interlock;

    /**
     * @param journal the trade roles (actions, open and closed trades)
     * @param orders the order log, publishing what each write changed
     * @param proposals the proposal log, publishing what each write changed
     * @param hub where trade events are published
     * @param tradeLocks the proposal locks: a trade's ref is its proposal id
     * @param advisor the advisor's name now, recorded with a trade when it opens
     * @param background where protection checks run after an event (off the event thread)
     * @param interlock the paper/live account check: no action sends anything to an account it refuses
     */
    public PositionService(Broker broker, Journal journal, OrderLog orders, ProposalLog proposals, EventHub hub,
            KillSwitch killSwitch, RiskContextLoader contexts, ProposalLocks tradeLocks, Supplier<String> advisor,
            Executor background, AccountInterlock interlock, Clock clock) {
        this.interlock = Objects.requireNonNull(interlock, "interlock");
        ProposalLocks symbolLocks = new ProposalLocks();
        TradeEvents events = new TradeEvents(hub);
        this.watch = new ProtectionWatch(broker, orders, journal, symbolLocks, tradeLocks, events, clock, background);
        this.support = new ActionSupport(broker, orders, journal, journal, proposals, symbolLocks, tradeLocks,
                killSwitch, contexts, events, watch, clock);
        this.tradeOrders = new TradeOrders(orders, journal);
        this.recorder = new TradeRecorder(tradeOrders, journal, journal, proposals, advisor, events, clock);
        this.closes = new CloseActions(support);
        this.orderActions = new OrderActions(support);
        this.rearm = new RearmAction(support);
        this.placedEvents = new PlacedOrderEvents(support, recorder, tradeLocks);
        this.reconciler = new ActionReconciler(support, tradeOrders, recorder, tradeLocks);
    }

    public TradeRecorder recorder() {
        return recorder;
    }

    public PlacedOrderEvents placedOrderEvents() {
        return placedEvents;
    }

    public ActionReconciler reconciler() {
        return reconciler;
    }

    public ProtectionWatch watch() {
        return watch;
    }

    /** True when reconciliation caught this fill's leg up already (it is not recorded again). */
    public boolean coveredAlready(tech.brokerbridge.ports.broker.OrderEvent.Filled fill) {
        return MissedFills.coveredAlready(support.orders, fill);
    }

    @Override
    public List<PositionView> positions() {
        return watch.positions();
    }

    @Override
    public TradeActionResult closePosition(String symbol, CloseRequest request) {
        return accountRefusal().orElseGet(() -> closes.close(symbol, request));
    }

    @Override
    public TradeActionResult cancelOrder(String orderRef, ActionOptions options) {
        return accountRefusal().orElseGet(() -> orderActions.cancel(orderRef, options));
    }

    @Override
    public TradeActionResult modifyOrder(String orderRef, ModifyRequest request) {
        return accountRefusal().orElseGet(() -> orderActions.modify(orderRef, request));
    }

    @Override
    public TradeActionResult rearmStop(String symbol, ActionOptions options) {
        return accountRefusal().orElseGet(() -> rearm.rearm(symbol, options));
    }

    /**
     * Nothing reaches an account the trading mode does not allow (or none selected), not even an order
     * that reduces risk: the desk is read-only there, and the broker's own software still can act.
     */
    private Optional<TradeActionResult> accountRefusal() {
        return interlock.refusal().map(c -> new TradeActionResult.Conflict(c.reason()));
    }

    @Override
    public List<BracketView> brackets(int limit) {
        List<BracketView> out = new ArrayList<>();
        for (OrderRecord r : support.orders.orders(limit)) {
            try {
                List<OrderView> legs = tradeOrders.legs(r.orderRef(), support.broker);
                out.add(new BracketView(r, legs, BracketStates.derive(r, legs), Optional.empty()));
            } catch (BrokerException e) {
                out.add(BracketView.ofRecord(r, "the broker could not be asked: " + e.getMessage()));
            }
        }
        return out;
    }

    @Override
    public List<ClosedTrade> closedTrades(Instant from, Instant to) {
        return support.trades.closedTrades(from, to);
    }

    @Override
    public TradeSummary tradeSummary() {
        return TradeSummaries.summarize(support.trades.closedTrades(Instant.EPOCH, support.now().plusNanos(1)),
                support.now());
    }

    /**
     * Engages the kill switch; with {@code cancelOpenOrders} (or {@code flatten}) cancels the unfilled
     * brackets, with {@code flatten} closes every position at market (cutting its stop and target with
     * the close). Protective legs of a filled position go only with its position.
     */
    public KillSwitchOutcome engage(KillSwitch killSwitch, KillSwitchRequest request) {
        UnfilledEntries.Cancellation c = killSwitch.engageAndCancel(request.cancelOpenOrders() || request.flatten(),
                EngagedBy.USER, request.reason());
        List<String> problems = new ArrayList<>(c.problems());
        List<TradeAction> flattened = new ArrayList<>();
        Optional<TradeActionResult> refused = request.flatten() ? accountRefusal() : Optional.empty();
        refused.ifPresent(r -> problems.add("no position was closed: " + describe(r)));
        if (request.flatten() && refused.isEmpty()) {
            for (Position p : support.broker.positions()) {
                if (p.quantity() == 0) {
                    continue;
                }
                TradeActionResult r = closes.flatten(p.symbol(), request.reason());
                if (r instanceof TradeActionResult.Done d) {
                    flattened.add(d.action());
                } else {
                    problems.add(p.symbol() + " was not closed: " + describe(r));
                }
            }
        }
        watch.soon();
        return new KillSwitchOutcome(c.legs(), c.cancelled(), c.kept(), flattened, problems);
    }

    private static String describe(TradeActionResult r) {
        if (r instanceof TradeActionResult.Conflict c) {
            return c.reason();
        }
        if (r instanceof TradeActionResult.NotFound n) {
            return n.what();
        }
        if (r instanceof TradeActionResult.Invalid i) {
            return i.field() + ": " + i.reason();
        }
        return "checks failed";
    }
}
