package tech.brokerbridge.ports.fakes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import tech.brokerbridge.ports.broker.AccountSnapshot;
import tech.brokerbridge.ports.broker.BracketOrder;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.BrokerException;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.OrderEvent;
import tech.brokerbridge.ports.broker.OrderEventListener;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.broker.CloseOrder;
import tech.brokerbridge.ports.broker.ModifyResult;
import tech.brokerbridge.ports.broker.PlaceResult;
import tech.brokerbridge.ports.broker.ProtectionChange;
import tech.brokerbridge.ports.broker.StopOrder;
import tech.brokerbridge.ports.broker.TradeControl;
import tech.brokerbridge.ports.broker.OrderView;
import tech.brokerbridge.ports.broker.Position;
import tech.brokerbridge.ports.broker.SubmitResult;
import tech.brokerbridge.ports.broker.TradingAccount;

/**
 * An in-memory {@link Broker} the tests control. It keeps the port's contract, proven by
 * {@code FakeBrokerContractTest} (idempotent by order ref, children held until the entry fills,
 * one-cancels-other, events in order on a broker thread), and lets a test script what the real thing
 * does: prices that fill resting orders ({@link #tradeAt}), fills, rejections, outages, orders it
 * already knows, a leg cancelled in the broker's own software. It also keeps the {@link TradeControl}
 * part of the port (modify, close, re-arm), proven by {@code FakeBrokerTradeControlContractTest}; the
 * orders and positions live in a {@link FakeBook}.
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
    private final FakeBook book = new FakeBook();
    private final List<BracketOrder> submitCalls = new ArrayList<>();
    private final List<Object> actionCalls = new ArrayList<>();
    private AccountSnapshot account;
    private boolean connected = true;
    private String rejectNextReason;
    private boolean failNextSubmitBeforeSending;
    private boolean failNextSubmitAfterSending;
    private boolean failNextActionAfterSending;
    private int accountReads;
    private int accountReadsToFail;
    private Runnable onSubmit = () -> { };
    private Runnable onAction = () -> { };

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
        book.setPosition(p);
        return this;
    }

    /** Goes down (every call but {@link #connectionStatus()} throws a retryable {@link BrokerException}) or up. */
    public synchronized FakeBroker setConnected(boolean up) {
        this.connected = up;
        return this;
    }

    /** Every execution from now on is followed by a {@link OrderEvent.Commission} of this amount (0: none, the default). */
    public synchronized FakeBroker chargeCommission(double perExecution) {
        book.chargeCommission(perExecution);
        return this;
    }

    /** The next {@code times} calls of {@link #account()} throw a retryable timeout (an account summary that never came). */
    public synchronized FakeBroker failNextAccountReads(int times) {
        this.accountReadsToFail = times;
        return this;
    }

    /** How many times {@link #account()} was called, the failed calls included. */
    public synchronized int accountReads() {
        return accountReads;
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

    /** The next modify, close or protect is carried out, but its acknowledgement is lost: the call throws. */
    public synchronized FakeBroker failNextActionAfterSending() {
        this.failNextActionAfterSending = true;
        return this;
    }

    /** Runs at the start of every submitBracket call, outside the broker's lock (e.g. to hold a thread). */
    public FakeBroker onSubmit(Runnable hook) {
        this.onSubmit = hook;
        return this;
    }

    /** Runs at the start of every modify, close and protect call, outside the broker's lock. */
    public FakeBroker onAction(Runnable hook) {
        this.onAction = hook;
        return this;
    }

    /** Makes the broker know a bracket with this ref, as if it had been submitted before (e.g. before a restart). */
    public synchronized FakeBroker knowBracket(BracketOrder order) {
        book.know(order);
        return this;
    }

    /**
     * The market for {@code symbol} trades at {@code price} now: every working order of that symbol
     * the price reaches executes, as at a broker. An entry fills at its limit or better (a buy limit
     * at or above the price, a sell limit at or below it); once the entry has filled, a stop loss the
     * price reaches fills at the price, a take profit at the price, which is its limit or better, and
     * the other child is cancelled. Trailing stops follow the price first; a closing order at a limit
     * fills at its limit when the price reaches it; a stand-alone stop like a stop loss.
     */
    public void tradeAt(String symbol, double price) {
        control(sink -> book.tradeAt(symbol, price, clock.instant(), sink));
    }

    /** Fills the entry completely at {@code price}; the children start working; the position grows. */
    public void fillEntry(String ref, double price) {
        control(sink -> book.fill(ref, OrderLeg.ENTRY, price, clock.instant(), sink));
    }

    /** Fills the stop loss or take profit at its price; the other child is cancelled; the position closes. */
    public void fillChild(String ref, OrderLeg leg) {
        control(sink -> book.fill(ref, leg, book.legs(ref).stream().filter(v -> v.leg() == leg).findFirst()
                .orElseThrow().limitOrStopPrice(), clock.instant(), sink));
    }

    /** The broker rejects the whole bracket after accepting it (as IB does with a late error). */
    public void rejectLater(String ref, String reason) {
        control(sink -> book.reject(ref, reason, clock.instant(), sink));
    }

    /** Someone cancels one leg in the broker's own software (e.g. the stop, in the IB app). */
    public void cancelAtBroker(String ref, OrderLeg leg) {
        cancelAtBroker(ref, leg, "cancelled at the broker");
    }

    /** Someone cancels one leg in the broker's own software, and the broker says why. */
    public void cancelAtBroker(String ref, OrderLeg leg, String reason) {
        control(sink -> book.cancelLeg(ref, leg, reason, clock.instant(), sink));
    }

    /** Sends an event as it is (e.g. a duplicate fill replayed after a reconnect). */
    public void emit(OrderEvent event) {
        control(sink -> sink.accept(event));
    }

    /** Returns once every event so far, port calls' included, has reached the listeners. */
    public void awaitDelivered() {
        if (Thread.currentThread() == delivering) {
            return;
        }
        try {
            delivery.submit(() -> { }).get(DELIVERY_BOUND.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("events not delivered within " + DELIVERY_BOUND, e);
        }
    }

    /** Every bracket passed to submitBracket, duplicates and failed calls included, in order. */
    public synchronized List<BracketOrder> submitCalls() {
        return List.copyOf(submitCalls);
    }

    /**
     * Every modify ({@link ProtectionChange}), close ({@link CloseOrder}) and protect ({@link StopOrder})
     * call, in order, duplicates and failed calls included.
     */
    public synchronized List<Object> actionCalls() {
        return List.copyOf(actionCalls);
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
        accountReads++;
        if (accountReadsToFail > 0) {
            accountReadsToFail--;
            throw BrokerException.timeout("account summary");
        }
        up();
        return account;
    }

    @Override
    public synchronized List<Position> positions() {
        up();
        return book.positions();
    }

    @Override
    public synchronized List<OrderView> openOrders() {
        up();
        return book.open();
    }

    @Override
    public synchronized List<OrderView> ordersByRef(String orderRef) {
        up();
        return book.legs(orderRef);
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
            if (book.knows(order.orderRef())) {
                return new SubmitResult.Rejected(order.orderRef(), "duplicate order ref", true);
            }
            if (rejectNextReason != null) {
                String why = rejectNextReason;
                rejectNextReason = null;
                return new SubmitResult.Rejected(order.orderRef(), why, false);
            }
            List<OrderView> legs = book.add(order);
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
        return book.cancel(orderRef, "cancelled by request", clock.instant(), this::queue);
    }

    @Override
    public ModifyResult modify(String orderRef, ProtectionChange change) {
        onAction.run();
        synchronized (this) {
            actionCalls.add(change);
            up();
            var refusal = book.modify(orderRef, change, clock.instant(), this::queue);
            lostAcknowledgement("modify " + orderRef);
            return refusal.<ModifyResult>map(r -> new ModifyResult.Refused(orderRef, r))
                    .orElseGet(() -> new ModifyResult.Modified(orderRef, book.legs(orderRef)));
        }
    }

    @Override
    public PlaceResult close(CloseOrder order) {
        onAction.run();
        synchronized (this) {
            actionCalls.add(order);
            up();
            if (book.knows(order.closeRef())) {
                return new PlaceResult.Rejected(order.closeRef(), "duplicate order ref", true);
            }
            var refusal = book.close(order, clock.instant(), this::queue);
            if (refusal.isPresent()) {
                return new PlaceResult.Rejected(order.closeRef(), refusal.get(), false);
            }
            lostAcknowledgement("close " + order.closeRef());
            OrderView leg = book.legs(order.closeRef()).get(0);
            return new PlaceResult.Accepted(order.closeRef(), leg.brokerOrderId(), leg.state());
        }
    }

    @Override
    public PlaceResult protect(StopOrder order) {
        onAction.run();
        synchronized (this) {
            actionCalls.add(order);
            up();
            if (book.knows(order.ref())) {
                return new PlaceResult.Rejected(order.ref(), "duplicate order ref", true);
            }
            OrderView leg = book.protect(order, clock.instant(), this::queue);
            lostAcknowledgement("protect " + order.ref());
            return new PlaceResult.Accepted(order.ref(), leg.brokerOrderId(), leg.state());
        }
    }

    @Override
    public AutoCloseable subscribe(OrderEventListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- helpers ----

    private void lostAcknowledgement(String what) {
        if (failNextActionAfterSending) {
            failNextActionAfterSending = false;
            throw BrokerException.timeout("acknowledgement of " + what);
        }
    }

    /** Applies a change under the lock, then waits (outside it) until its events have been delivered. */
    private void control(Consumer<Consumer<OrderEvent>> change) {
        List<Future<?>> sent = new ArrayList<>();
        synchronized (this) {
            change.accept(e -> sent.add(queue(e)));
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
