package tech.brokerbridge.ports.fakes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.OrderState;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;

/**
 * An in-memory {@link Broker} the tests control. It keeps the port's contract (idempotent by order
 * ref, children held until the entry fills, one-cancels-other, events in order) and lets a test
 * script what the real thing does: fills, rejections, outages, orders it already knows.
 *
 * <p>Thread-safe: every method is synchronized; events are delivered on the thread of the call that
 * caused them, while the lock is held, so they reach listeners one at a time and in order.
 */
public final class FakeBroker implements Broker {
    private final Clock clock;
    private final List<OrderEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<OrderView>> brackets = new LinkedHashMap<>();
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private final List<BracketOrder> submitCalls = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(1000);
    private final AtomicInteger executions = new AtomicInteger();
    private AccountSnapshot account;
    private boolean connected = true;
    private String rejectNextReason;
    private boolean failNextSubmitBeforeSending;
    private boolean failNextSubmitAfterSending;
    private Runnable onSubmit = () -> { };

    public FakeBroker(Clock clock) {
        this.clock = clock;
        this.account = account(100_000, 0);
    }

    public FakeBroker() {
        this(Clock.fixed(Instant.parse("2026-01-05T15:00:00Z"), ZoneOffset.UTC));
    }

    // ---- controls ----

    /** Sets net liquidation (also cash, buying power, funds) and today's P&L. */
    public synchronized FakeBroker setAccount(double netLiquidation, double dailyPnl) {
        this.account = account(netLiquidation, dailyPnl);
        return this;
    }

    private AccountSnapshot account(double netLiq, double dailyPnl) {
        return new AccountSnapshot("USD", netLiq, netLiq, netLiq, netLiq, 0, dailyPnl, dailyPnl, clock.instant());
    }

    public synchronized FakeBroker setPosition(Position p) {
        if (p.quantity() == 0) {
            positions.remove(p.symbol());
        } else {
            positions.put(p.symbol(), p);
        }
        return this;
    }

    /** Goes down (every call but {@link #connectionStatus()} throws a retryable {@link BrokerException}) or up. */
    public synchronized FakeBroker setConnected(boolean up) {
        this.connected = up;
        return this;
    }

    /** The next submission is refused with this reason (not a duplicate). */
    public synchronized FakeBroker rejectNextSubmit(String reason) {
        this.rejectNextReason = reason;
        return this;
    }

    /** The next submission throws before the broker takes it: the bracket never exists. */
    public synchronized FakeBroker failNextSubmitBeforeSending() {
        this.failNextSubmitBeforeSending = true;
        return this;
    }

    /** The next submission is taken, but the acknowledgement is lost: the call throws. */
    public synchronized FakeBroker failNextSubmitAfterSending() {
        this.failNextSubmitAfterSending = true;
        return this;
    }

    /** Runs at the start of every submitBracket call, outside the broker's lock (e.g. to hold a thread). */
    public FakeBroker onSubmit(Runnable hook) {
        this.onSubmit = hook;
        return this;
    }

    /** Makes the broker know a bracket with this ref, as if it had been submitted before (e.g. before a restart). */
    public synchronized FakeBroker knowBracket(BracketOrder order) {
        brackets.put(order.orderRef(), legsOf(order));
        return this;
    }

    /** Fills the entry completely at {@code price}; the children start working; the position grows. */
    public synchronized void fillEntry(String ref, double price) {
        List<OrderView> legs = require(ref);
        OrderView entry = legs.get(0);
        legs.set(0, with(entry, OrderState.FILLED, entry.quantity(), price));
        for (int i = 1; i < legs.size(); i++) {
            legs.set(i, with(legs.get(i), OrderState.WORKING, 0, 0));
        }
        long signed = entry.quantity() * entry.direction().sign();
        Position old = positions.get(entry.symbol());
        long q = (old == null ? 0 : old.quantity()) + signed;
        setPosition(new Position(entry.symbol(), q, price, price, 0, 0));
        emit(new OrderEvent.Filled(ref, OrderLeg.ENTRY, entry.brokerOrderId(), "exec-" + executions.incrementAndGet(),
                entry.symbol(), entry.quantity(), price, true, clock.instant()));
    }

    /** Fills the stop loss or take profit at its price; the other child is cancelled; the position closes. */
    public synchronized void fillChild(String ref, OrderLeg leg) {
        List<OrderView> legs = require(ref);
        int i = leg == OrderLeg.STOP_LOSS ? 1 : 2;
        OrderView child = legs.get(i);
        OrderView other = legs.get(3 - i);
        legs.set(i, with(child, OrderState.FILLED, child.quantity(), child.limitOrStopPrice()));
        legs.set(3 - i, with(other, OrderState.CANCELLED, 0, 0));
        Position old = positions.get(child.symbol());
        if (old != null) {
            setPosition(new Position(child.symbol(), old.quantity() - child.quantity() * child.direction().sign(),
                    old.averageCost(), child.limitOrStopPrice(), 0, 0));
        }
        emit(new OrderEvent.Filled(ref, leg, child.brokerOrderId(), "exec-" + executions.incrementAndGet(),
                child.symbol(), child.quantity(), child.limitOrStopPrice(), true, clock.instant()));
        emit(new OrderEvent.Cancelled(ref, other.leg(), other.brokerOrderId(), "one-cancels-other", clock.instant()));
    }

    /** The broker rejects the whole bracket after accepting it (as IB does with a late error). */
    public synchronized void rejectLater(String ref, String reason) {
        List<OrderView> legs = require(ref);
        for (int i = 0; i < legs.size(); i++) {
            legs.set(i, with(legs.get(i), OrderState.REJECTED, 0, 0));
        }
        emit(new OrderEvent.Rejected(ref, OrderLeg.ENTRY, legs.get(0).brokerOrderId(), reason, clock.instant()));
    }

    /** Sends an event as it is (e.g. a duplicate fill replayed after a reconnect). */
    public synchronized void emit(OrderEvent event) {
        for (OrderEventListener l : listeners) {
            l.onEvent(event);
        }
    }

    /** Every bracket passed to submitBracket, duplicates and failed calls included, in order. */
    public synchronized List<BracketOrder> submitCalls() {
        return List.copyOf(submitCalls);
    }

    public synchronized int listenerCount() {
        return listeners.size();
    }

    // ---- the port ----

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public synchronized ConnectionStatus connectionStatus() {
        return new ConnectionStatus(connected, connected ? "connected" : "not connected (test outage)");
    }

    @Override
    public synchronized AccountSnapshot account() {
        up();
        return account;
    }

    @Override
    public synchronized List<Position> positions() {
        up();
        return List.copyOf(positions.values());
    }

    @Override
    public synchronized List<OrderView> openOrders() {
        up();
        List<OrderView> open = new ArrayList<>();
        for (List<OrderView> legs : brackets.values()) {
            for (OrderView v : legs) {
                if (!v.state().done()) {
                    open.add(v);
                }
            }
        }
        return open;
    }

    @Override
    public synchronized List<OrderView> ordersByRef(String orderRef) {
        up();
        return List.copyOf(brackets.getOrDefault(orderRef, List.of()));
    }

    @Override
    public SubmitResult submitBracket(BracketOrder order) {
        onSubmit.run();
        synchronized (this) {
            submitCalls.add(order);
            up();
            if (failNextSubmitBeforeSending) {
                failNextSubmitBeforeSending = false;
                throw BrokerException.timeout("submit " + order.orderRef());
            }
            if (brackets.containsKey(order.orderRef())) {
                return new SubmitResult.Rejected(order.orderRef(), "duplicate order ref", true);
            }
            if (rejectNextReason != null) {
                String why = rejectNextReason;
                rejectNextReason = null;
                return new SubmitResult.Rejected(order.orderRef(), why, false);
            }
            List<OrderView> legs = legsOf(order);
            brackets.put(order.orderRef(), legs);
            emit(new OrderEvent.Working(order.orderRef(), OrderLeg.ENTRY, legs.get(0).brokerOrderId(), clock.instant()));
            if (failNextSubmitAfterSending) {
                failNextSubmitAfterSending = false;
                throw BrokerException.timeout("acknowledgement of " + order.orderRef());
            }
            return new SubmitResult.Accepted(order.orderRef(), legs.stream().map(OrderView::brokerOrderId).toList());
        }
    }

    @Override
    public synchronized int cancel(String orderRef) {
        up();
        List<OrderView> legs = brackets.get(orderRef);
        if (legs == null) {
            return 0;
        }
        int n = 0;
        for (int i = 0; i < legs.size(); i++) {
            OrderView v = legs.get(i);
            if (!v.state().done()) {
                legs.set(i, with(v, OrderState.CANCELLED, v.filledQuantity(), v.averageFillPrice()));
                n++;
                emit(new OrderEvent.Cancelled(orderRef, v.leg(), v.brokerOrderId(), "cancelled by request",
                        clock.instant()));
            }
        }
        return n;
    }

    @Override
    public AutoCloseable subscribe(OrderEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- helpers ----

    private void up() {
        if (!connected) {
            throw BrokerException.notConnected("fake broker is down");
        }
    }

    private List<OrderView> require(String ref) {
        List<OrderView> legs = brackets.get(ref);
        if (legs == null) {
            throw new IllegalArgumentException("no bracket " + ref);
        }
        return legs;
    }

    private List<OrderView> legsOf(BracketOrder o) {
        List<OrderView> legs = new ArrayList<>();
        legs.add(new OrderView("fb-" + ids.incrementAndGet(), o.orderRef(), OrderLeg.ENTRY, o.symbol(), o.direction(),
                o.quantity(), o.entryLimit(), OrderState.WORKING, 0, 0));
        legs.add(new OrderView("fb-" + ids.incrementAndGet(), o.orderRef(), OrderLeg.STOP_LOSS, o.symbol(),
                o.direction(), o.quantity(), o.stopLoss(), OrderState.PENDING, 0, 0));
        legs.add(new OrderView("fb-" + ids.incrementAndGet(), o.orderRef(), OrderLeg.TAKE_PROFIT, o.symbol(),
                o.direction(), o.quantity(), o.takeProfit(), OrderState.PENDING, 0, 0));
        return legs;
    }

    private static OrderView with(OrderView v, OrderState state, long filled, double avg) {
        return new OrderView(v.brokerOrderId(), v.orderRef(), v.leg(), v.symbol(), v.direction(), v.quantity(),
                v.limitOrStopPrice(), state, filled, avg);
    }
}
