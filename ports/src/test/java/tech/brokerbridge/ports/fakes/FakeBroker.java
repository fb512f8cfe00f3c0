package tech.brokerbridge.ports.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
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
import tech.brokerbridge.ports.broker.TradingAccount;
import tech.brokerbridge.ports.market.Direction;

/**
 * An in-memory {@link Broker} the tests control. It keeps the port's contract, proven by
 * {@code FakeBrokerContractTest} (idempotent by order ref, children held until the entry fills,
 * one-cancels-other, events in order on a broker thread), and lets a test script what the real thing
 * does: prices that fill resting orders ({@link #tradeAt}), fills, rejections, outages, orders it
 * already knows.
 *
 * <p>Thread-safe: state changes are synchronized. As at a real broker, events reach the listeners on
 * the fake's own event thread, one at a time and in the order of the changes that caused them; a port
 * call ({@link #submitBracket}, {@link #cancel}) returns without waiting for them, while a control
 * ({@link #fillEntry}, {@link #tradeAt}, ...) returns once its events, and every event before them,
 * have been delivered (at most {@link #DELIVERY_BOUND}), so a test sees their effects when it goes on.
 * A listener's exception reaches the control that caused the event.
 */
public final class FakeBroker implements Broker {
    /** How long a control waits for its events to be delivered. */
    public static final Duration DELIVERY_BOUND = Duration.ofSeconds(5);
    private final Clock clock;
    /** One event thread at a time, in order; it ends when idle, so an abandoned fake leaves no thread. */
    private final ThreadPoolExecutor delivery = new ThreadPoolExecutor(1, 1, 1, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "fake-broker-events");
                t.setDaemon(true);
                return t;
            });
    private volatile Thread delivering;
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
        delivery.allowCoreThreadTimeOut(true);
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

    /**
     * The market for {@code symbol} trades at {@code price} now: every working order of that symbol
     * the price reaches executes, as at a broker. An entry fills at its limit or better (a buy limit
     * at or above the price, a sell limit at or below it); once the entry has filled, a stop loss the
     * price reaches fills at the price, a take profit at the price, which is its limit or better, and
     * the other child is cancelled.
     */
    public void tradeAt(String symbol, double price) {
        control(() -> {
            List<Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, List<OrderView>> bracket : brackets.entrySet()) {
                List<OrderView> legs = bracket.getValue();
                OrderView entry = legs.get(0);
                if (!entry.symbol().equals(symbol)) {
                    continue;
                }
                boolean isLong = entry.direction() == Direction.LONG;
                double limit = entry.limitOrStopPrice();
                if (entry.state() == OrderState.WORKING && (isLong ? price <= limit : price >= limit)) {
                    sent.addAll(fillEntryLocked(bracket.getKey(), isLong ? Math.min(price, limit) : Math.max(price, limit)));
                }
                if (legs.get(0).state() != OrderState.FILLED) {
                    continue;
                }
                OrderView stop = legs.get(1);
                OrderView target = legs.get(2);
                if (stop.state() == OrderState.WORKING
                        && (isLong ? price <= stop.limitOrStopPrice() : price >= stop.limitOrStopPrice())) {
                    sent.addAll(fillChildLocked(bracket.getKey(), OrderLeg.STOP_LOSS, price));
                } else if (target.state() == OrderState.WORKING
                        && (isLong ? price >= target.limitOrStopPrice() : price <= target.limitOrStopPrice())) {
                    sent.addAll(fillChildLocked(bracket.getKey(), OrderLeg.TAKE_PROFIT, price));
                }
            }
            return sent;
        });
    }

    /** Fills the entry completely at {@code price}; the children start working; the position grows. */
    public void fillEntry(String ref, double price) {
        control(() -> fillEntryLocked(ref, price));
    }

    private List<Future<?>> fillEntryLocked(String ref, double price) {
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
        return List.of(queue(new OrderEvent.Filled(ref, OrderLeg.ENTRY, entry.brokerOrderId(),
                "exec-" + executions.incrementAndGet(), entry.symbol(), entry.quantity(), price, true, clock.instant())));
    }

    /** Fills the stop loss or take profit at its price; the other child is cancelled; the position closes. */
    public void fillChild(String ref, OrderLeg leg) {
        control(() -> fillChildLocked(ref, leg, require(ref).get(leg == OrderLeg.STOP_LOSS ? 1 : 2).limitOrStopPrice()));
    }

    private List<Future<?>> fillChildLocked(String ref, OrderLeg leg, double price) {
        List<OrderView> legs = require(ref);
        int i = leg == OrderLeg.STOP_LOSS ? 1 : 2;
        OrderView child = legs.get(i);
        OrderView other = legs.get(3 - i);
        legs.set(i, with(child, OrderState.FILLED, child.quantity(), price));
        legs.set(3 - i, with(other, OrderState.CANCELLED, 0, 0));
        Position old = positions.get(child.symbol());
        if (old != null) {
            setPosition(new Position(child.symbol(), old.quantity() - child.quantity() * child.direction().sign(),
                    old.averageCost(), price, 0, 0));
        }
        return List.of(
                queue(new OrderEvent.Filled(ref, leg, child.brokerOrderId(), "exec-" + executions.incrementAndGet(),
                        child.symbol(), child.quantity(), price, true, clock.instant())),
                queue(new OrderEvent.Cancelled(ref, other.leg(), other.brokerOrderId(), "one-cancels-other",
                        clock.instant())));
    }

    /** The broker rejects the whole bracket after accepting it (as IB does with a late error). */
    public void rejectLater(String ref, String reason) {
        control(() -> {
            List<OrderView> legs = require(ref);
            for (int i = 0; i < legs.size(); i++) {
                legs.set(i, with(legs.get(i), OrderState.REJECTED, 0, 0));
            }
            return List.of(queue(new OrderEvent.Rejected(ref, OrderLeg.ENTRY, legs.get(0).brokerOrderId(), reason,
                    clock.instant())));
        });
    }

    /** Sends an event as it is (e.g. a duplicate fill replayed after a reconnect). */
    public void emit(OrderEvent event) {
        control(() -> List.of(queue(event)));
    }

    /** Returns once every event so far, port calls' included, has reached the listeners. */
    public void awaitDelivered() {
        control(() -> List.of(delivery.submit(() -> { })));
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
            queue(new OrderEvent.Working(order.orderRef(), OrderLeg.ENTRY, legs.get(0).brokerOrderId(), clock.instant()));
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
                queue(new OrderEvent.Cancelled(orderRef, v.leg(), v.brokerOrderId(), "cancelled by request",
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

    /** Applies a change under the lock, then waits (outside it) until its events have been delivered. */
    private void control(Supplier<List<Future<?>>> change) {
        List<Future<?>> sent;
        synchronized (this) {
            sent = change.get();
        }
        if (Thread.currentThread() == delivering) {
            return; // a listener reacting to an event: its own events follow once it returns
        }
        try {
            for (Future<?> f : sent) {
                f.get(DELIVERY_BOUND.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (TimeoutException e) {
            throw new IllegalStateException("events not delivered within " + DELIVERY_BOUND, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("a listener failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering events", e);
        }
    }

    /** Hands an event to the event thread; called with the lock held, so events follow the state changes. */
    private Future<?> queue(OrderEvent event) {
        return delivery.submit(() -> {
            delivering = Thread.currentThread();
            RuntimeException failure = null;
            for (OrderEventListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
        });
    }

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

    // ---- the account (issue 13): a paper account unless a test says otherwise ----

    private volatile TradingAccount tradingAccount = new TradingAccount.Selected("DU****001",
            tech.brokerbridge.ports.broker.AccountKind.PAPER, java.util.Optional.empty());

    @Override
    public TradingAccount tradingAccount() {
        return tradingAccount;
    }

    /** The account this fake says orders go to from now on (as after a reconnect to another login). */
    public FakeBroker tradingAccount(TradingAccount account) {
        this.tradingAccount = java.util.Objects.requireNonNull(account, "account");
        return this;
    }
}
