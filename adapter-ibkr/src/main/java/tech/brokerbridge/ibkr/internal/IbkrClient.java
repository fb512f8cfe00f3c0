package tech.brokerbridge.ibkr.internal;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.internal.account.AccountState;
import tech.brokerbridge.ibkr.internal.conn.GatewayConnection;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Inbound.*;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.order.EventBus;
import tech.brokerbridge.ibkr.internal.order.OrderTracker;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.TradingAccount;

/**
 * The adapter's state around one gateway session at a time: the current connection, readiness
 * (connected and reconciled), pending requests, the order tracker and the account state. Routes
 * every inbound message and every IB error to the request or order it belongs to.
 *
 * <p>Thread-safety: all public methods may be called from any thread. Messages arrive on the
 * connection's reader thread; the {@link Supervisor} thread connects and reconciles.
 */
public final class IbkrClient implements GatewayLink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IbkrClient.class);
    public static final int CURRENT_TIME_KEY = -1003;

    private final ClientSettings settings;
    private final Requests requests = new Requests();
    private final EventBus bus = new EventBus();
    private final OrderTracker tracker;
    private final AccountState account;
    private final AtomicInteger nextOrderId = new AtomicInteger(1);
    private final Object readyLock = new Object();
    private final Supervisor supervisor;
    private final ErrorRouter errors;
    private final IbkrBroker broker;
    private final IbkrMarketData marketData;
    private final ContractCatalog contracts;
    /** The account orders go to, as chosen at the last connect; kept across a disconnect. */
    private volatile TradingAccount tradingAccount = new TradingAccount.Unselected("not connected to IB Gateway yet");
    private volatile Session session;
    private volatile boolean ready;
    /** False between IB's 1100 (gateway lost IB) and 1101/1102 (restored): the socket is up, IB is not. */
    private volatile boolean linkUp = true;
    private volatile boolean closed;
    private volatile ConnectionStatus status;

    public IbkrClient(ClientSettings settings) {
        this.settings = settings;
        this.tracker = new OrderTracker(bus, settings.clock());
        this.account = new AccountState(settings.clock());
        this.status = new ConnectionStatus(false, "not started");
        this.errors = new ErrorRouter(this, tracker, requests, settings.clientId());
        this.supervisor = new Supervisor(this, settings, requests, account);
        this.contracts = new ContractCatalog(this, requests, settings);
        this.broker = new IbkrBroker(this, requests, tracker, account, bus, settings, contracts);
        this.marketData = new IbkrMarketData(this, requests, settings, contracts);
    }

    /** One connection and what it told us at the start. */
    final class Session implements GatewayConnection.Listener {
        volatile GatewayConnection connection;
        volatile List<String> accounts = List.of();
        volatile boolean gotNextId;
        final CompletableFuture<Void> started = new CompletableFuture<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        volatile String closeReason = "";

        @Override
        public void onMessage(Inbound m) {
            handle(this, m);
        }

        @Override
        public void batchStarted() {
            bus.beginBatch();
        }

        @Override
        public void batchEnded() {
            bus.endBatch();
        }

        @Override
        public void onClosed(Throwable cause) {
            sessionClosed(this, cause);
        }

        void checkStarted() {
            if (gotNextId && !accounts.isEmpty()) {
                started.complete(null);
            }
        }
    }

    /** Starts the supervisor; returns at once whether or not the gateway is up. */
    public void start() {
        supervisor.start();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (readyLock) {
            ready = false;
            readyLock.notifyAll();
        }
        supervisor.stop();
        Session s = session;
        if (s != null && s.connection != null) {
            s.connection.close();
        }
        requests.failAll(GatewayException.notConnected("adapter closed"));
        bus.close();
        status = new ConnectionStatus(false, "closed");
    }

    /** The Broker port over this client's session; one per client, so submissions stay serialized. */
    public IbkrBroker broker() {
        return broker;
    }

    /** The MarketData port over this client's session; one per client, so its pacing is shared. */
    public IbkrMarketData marketData() {
        return marketData;
    }

    @Override
    public ConnectionStatus status() {
        return status;
    }

    @Override
    public String selectedAccount() {
        return currentAccount;
    }

    private volatile String currentAccount = "";
    private volatile int pnlReqId = -1;

    /** Subscribes to IB's P&L for the selected account (after connect and after 1101). */
    void subscribePnl() {
        int id = requests.newId();
        pnlReqId = id;
        trySend(new Outbound.ReqPnL(id, currentAccount, ""));
    }

    @Override
    public int allocateOrderIds(int n) {
        return nextOrderId.getAndAdd(n);
    }

    @Override
    public void awaitReady(Duration timeout) {
        long deadline = settings.ticker().nanos() + timeout.toNanos();
        synchronized (readyLock) {
            while (!(ready && linkUp)) {
                if (closed) {
                    throw GatewayException.notConnected("the IB adapter is closed");
                }
                long left = deadline - settings.ticker().nanos();
                if (left <= 0) {
                    throw GatewayException.notConnected((ready ? "IB Gateway is not connected to IB: "
                            : "not connected to IB Gateway: ") + status.message());
                }
                try {
                    readyLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw GatewayException.notConnected("interrupted while waiting for the gateway");
                }
            }
        }
    }

    public boolean isReady() {
        return ready;
    }

    @Override
    public void send(Outbound m) {
        sendOver(c -> c.send(m));
    }

    @Override
    public void sendAll(List<? extends Outbound> messages) {
        sendOver(c -> c.sendAll(messages));
    }

    /** Writes over the open connection; a missing or failing one is reported as not connected. */
    private void sendOver(java.util.function.Consumer<GatewayConnection> write) {
        Session s = session;
        GatewayConnection c = s == null ? null : s.connection;
        if (c == null || !c.isOpen()) {
            throw GatewayException.notConnected("not connected to IB Gateway");
        }
        try {
            write.accept(c);
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw GatewayException.notConnected("connection to IB Gateway lost while sending: " + e.getMessage());
        }
    }

    private final Object currentTimeLock = new Object();

    /** Round trip reqCurrentTime: the gateway's clock in epoch seconds (health). Serialized: one at a time. */
    public long currentTime() {
        synchronized (currentTimeLock) {
            return currentTimeOnce();
        }
    }

    private long currentTimeOnce() {
        CompletableFuture<Long> f = requests.register(CURRENT_TIME_KEY, new Requests.Collector<Long>() {
            @Override
            protected boolean accept(Inbound m) {
                if (m instanceof CurrentTime t) {
                    complete(t.epochSeconds());
                    return true;
                }
                return false;
            }
        });
        send(new Outbound.ReqCurrentTime());
        return Requests.await(f, settings.requestTimeout(), "current time");
    }

    // ---- called by the supervisor ----

    Session newSession() {
        Session s = new Session();
        session = s;
        return s;
    }

    void setStatus(boolean connected, String message) {
        status = new ConnectionStatus(connected, message);
    }

    void markReady(Session s, int serverVersion) {
        synchronized (readyLock) {
            if (closed || session != s || s.closed.isDone()) {
                return;
            }
            ready = true;
            linkUp = true;
            status = new ConnectionStatus(true, "connected to IB Gateway (server version " + serverVersion + ")");
            readyLock.notifyAll();
        }
    }

    /** The account chosen on this connection ({@code ""} when none is: nothing can then be sent). */
    void selectAccount(String accountId, TradingAccount said) {
        currentAccount = accountId;
        account.select(accountId);
        tradingAccount = said;
    }

    /** The account orders go to, for the Broker port; never blocks. */
    @Override
    public TradingAccount tradingAccount() {
        return tradingAccount;
    }

    // ---- inbound routing (reader thread) ----

    private void handle(Session s, Inbound m) {
        if (m instanceof OrderStatus o) {
            tracker.onOrderStatus(o);
        } else if (m instanceof OpenOrder o) {
            tracker.onOpenOrder(o);
        } else if (m instanceof ExecDetails x) {
            tracker.onExecution(x);
            if (x.reqId() != -1) {
                requests.route(x.reqId(), x);
            }
        } else if (m instanceof CommissionReport c) {
            tracker.onCommission(c);
        } else if (m instanceof ErrorMessage e) {
            errors.route(s, e);
        } else if (m instanceof Answer a) {
            requests.route(a.reqId(), a);
        } else if (m instanceof TickPrice t) {
            requests.route(t.tickerId(), t);
        } else if (m instanceof PositionData || m instanceof PositionEnd) {
            requests.route(Requests.POSITIONS_KEY, m);
        } else if (m instanceof OpenOrderEnd) {
            requests.route(Requests.OPEN_ORDERS_KEY, m);
        } else if (m instanceof UpdateAccountValue v) {
            account.onValue(v);
        } else if (m instanceof UpdatePortfolio p) {
            account.onPortfolio(p);
        } else if (m instanceof PnL p) {
            if (p.reqId() == pnlReqId) {
                account.onPnl(p.dailyPnl(), p.unrealizedPnl(), p.realizedPnl());
            }
        } else if (m instanceof AccountDownloadEnd d) {
            account.onDownloadEnd(d.account());
        } else if (m instanceof CurrentTime t) {
            requests.route(CURRENT_TIME_KEY, t);
        } else if (m instanceof ManagedAccounts a) {
            s.accounts = a.accounts();
            s.checkStarted();
        } else if (m instanceof NextValidId n) {
            nextOrderId.accumulateAndGet(n.orderId(), Math::max);
            s.gotNextId = true;
            s.checkStarted();
        } else {
            LOG.trace("ignoring {}", m.getClass().getSimpleName());
        }
    }

    /** 1100 / 1101 / 1102: whether the gateway's own link to IB is up. */
    void setLinkUp(boolean up) {
        synchronized (readyLock) {
            linkUp = up;
            readyLock.notifyAll();
        }
    }

    void restoreStatus() {
        if (ready) {
            Session s = session;
            int v = s == null || s.connection == null ? 0 : s.connection.serverVersion();
            status = new ConnectionStatus(true, "connected to IB Gateway (server version " + v + ")");
        }
    }

    void trySend(Outbound m) {
        try {
            send(m);
        } catch (GatewayException ex) {
            LOG.debug("could not send {}: {}", m.getClass().getSimpleName(), ex.getMessage());
        }
    }

    private void sessionClosed(Session s, Throwable cause) {
        String why = !s.closeReason.isEmpty() ? s.closeReason
                : "connection to IB Gateway at " + settings.host() + ":" + settings.port() + " lost"
                        + (cause == null ? "" : " (" + cause.getMessage() + ")");
        GatewayException g = GatewayException.notConnected(why);
        s.started.completeExceptionally(g);
        synchronized (readyLock) {
            if (session == s) {
                ready = false;
                status = new ConnectionStatus(false, why);
            }
        }
        if (session == s) {
            requests.failAll(g);
            tracker.onDisconnect(g);
        }
        s.closed.complete(null);
    }
}
