package tech.brokerbridge.ibkr.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ibkr.internal.account.AccountState;
import tech.brokerbridge.ibkr.internal.account.IbAccounts;
import tech.brokerbridge.ibkr.internal.conn.Backoff;
import tech.brokerbridge.ibkr.internal.conn.GatewayConnection;
import tech.brokerbridge.ibkr.internal.conn.Pacer;
import tech.brokerbridge.ibkr.internal.error.GatewayException;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ibkr.internal.wire.ProtocolException;

/**
 * The thread that keeps a session up: connect, wait for nextValidId and managedAccounts, choose the
 * account again ({@link IbAccounts}: with none chosen the session stays up read-only and nothing is
 * sent), reconcile open orders and executions, subscribe to the account's updates, and only then
 * declare the client
 * ready (so nothing is submitted before reconciliation). When the session ends it reconnects with
 * exponential backoff and jitter (1 s doubling to 60 s). While connected it sends reqCurrentTime
 * every heartbeat and drops a session that no longer answers.
 */
final class Supervisor {
    private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);
    private final IbkrClient client;
    private final ClientSettings cfg;
    private final Pacer pacer;
    private final Requests requests;
    private final AccountState accountState;
    private final Backoff backoff;
    private volatile boolean running;
    private Thread thread;

    Supervisor(IbkrClient client, ClientSettings settings, Requests requests, AccountState account) {
        this.client = client;
        this.cfg = settings;
        this.pacer = Pacer.ibDefault(settings.ticker(), settings.sleeper()); // one for every session of the client
        this.requests = requests;
        this.accountState = account;
        this.backoff = new Backoff(cfg.initialBackoff(), cfg.maxBackoff(), cfg.random());
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        client.setStatus(false, "connecting to IB Gateway at " + cfg.host() + ":" + cfg.port());
        thread = new Thread(this::loop, "ibkr-supervisor");
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void loop() {
        while (running) {
            IbkrClient.Session s = null;
            try {
                s = connect();
                backoff.reset();
                watch(s);
                if (running) {
                    // the session's close already set the status with the reason; say it in the log too
                    LOG.warn("IB Gateway session ended: {}; reconnecting", client.status().message());
                }
            } catch (IOException | UncheckedIOException | ProtocolException | GatewayException e) {
                String why = s != null && !s.closeReason.isEmpty() ? s.closeReason : e.getMessage();
                LOG.info("IB Gateway session not available: {}", why);
                client.setStatus(false, "disconnected: " + why);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) { // top-level handler: the supervisor must outlive any surprise
                LOG.warn("unexpected failure of the IB Gateway session; reconnecting", e);
                client.setStatus(false, "disconnected: " + e.getClass().getSimpleName());
            } finally {
                if (s != null && s.connection != null) {
                    s.connection.close();
                }
            }
            if (!running) {
                break;
            }
            Duration delay = backoff.next();
            client.setStatus(false, client.status().message() + "; retrying in " + delay.toMillis() + " ms");
            try {
                cfg.sleeper().sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }

    private IbkrClient.Session connect() throws IOException, InterruptedException {
        IbkrClient.Session s = client.newSession();
        GatewayConnection c = GatewayConnection.open(cfg.host(), cfg.port(), cfg.clientId(), cfg.connectTimeout(),
                pacer, s);
        s.connection = c;
        await(s.started, cfg.connectTimeout(), "nextValidId and managedAccounts");
        IbAccounts.Choice choice = IbAccounts.choose(s.accounts, cfg.account());
        String account = choice.account().orElse("");
        client.selectAccount(account, IbAccounts.tradingAccount(choice, cfg.port()));
        reconcile();
        if (choice.account().isEmpty()) {
            LOG.warn("no IB account selected, nothing will be sent: {}", choice.refusal());
        } else {
            CompletableFuture<Void> downloaded = accountState.downloadFuture();
            client.send(new Outbound.ReqAccountUpdates(true, account));
            client.subscribePnl();
            try {
                await(downloaded, cfg.requestTimeout(), "account download");
            } catch (GatewayException e) {
                LOG.warn("account download did not finish in time; continuing without it");
            }
        }
        client.markReady(s, c.serverVersion());
        LOG.info("connected to IB Gateway, server version {}", c.serverVersion());
        return s;
    }

    /**
     * Reconciliation: every open order of every client (reqAllOpenOrders) and today's executions
     * (reqExecutions) go through the tracker, so it knows every orderRef the gateway holds.
     */
    private void reconcile() throws InterruptedException {
        CompletableFuture<Integer> open = requests.register(Requests.OPEN_ORDERS_KEY, new Counting(
                m -> m instanceof Inbound.OpenOrderEnd));
        client.send(new Outbound.ReqAllOpenOrders());
        Requests.await(open, cfg.requestTimeout(), "open orders");
        int reqId = requests.newId();
        CompletableFuture<Integer> execs = requests.register(reqId, new Counting(
                m -> m instanceof Inbound.ExecDetailsEnd));
        client.send(Outbound.ReqExecutions.all(reqId));
        Requests.await(execs, cfg.requestTimeout(), "executions");
    }

    /** Blocks while the session lives; pings it every heartbeat. */
    private void watch(IbkrClient.Session s) throws InterruptedException {
        while (running) {
            try {
                s.closed.get(cfg.heartbeat().toMillis(), TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                try {
                    client.currentTime();
                } catch (GatewayException g) {
                    if (g.reason() == GatewayException.Reason.TIMEOUT) {
                        LOG.warn("gateway stopped answering; reconnecting");
                        s.connection.close();
                    }
                }
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    private static void await(CompletableFuture<Void> f, Duration timeout, String what) throws InterruptedException {
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw GatewayException.timeout(what, timeout.toMillis());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GatewayException g) {
                throw g;
            }
            throw GatewayException.notConnected(what + " failed: " + e.getCause());
        }
    }

    /** Counts messages of a request without an id until its end marker. */
    private static final class Counting extends Requests.Collector<Integer> {
        private final java.util.function.Predicate<Inbound> end;
        private final List<Inbound> seen = new ArrayList<>();

        Counting(java.util.function.Predicate<Inbound> end) {
            this.end = end;
        }

        @Override
        protected boolean accept(Inbound m) {
            if (end.test(m)) {
                complete(seen.size());
                return true;
            }
            seen.add(m);
            return false;
        }
    }
}
