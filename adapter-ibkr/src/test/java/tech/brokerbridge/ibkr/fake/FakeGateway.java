package tech.brokerbridge.ibkr.fake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import tech.brokerbridge.ibkr.internal.msg.Inbound;
import tech.brokerbridge.ibkr.internal.msg.Outbound;

/**
 * A fake IB Gateway: a real server socket on 127.0.0.1 speaking the TWS socket protocol (the
 * server side of the brief), scripted per test. Order state survives client disconnects and
 * {@link #restart()}, as at a real gateway. Thread-safe: one thread per client connection, state
 * under this object's monitor.
 */
public final class FakeGateway implements AutoCloseable {
    /** What happens to a bracket once transmitted. */
    public enum Behaviour { REST, FILL_ENTRY, FILL_ENTRY_AND_TARGET, REJECT }

    /**
     * The market data a symbol's quotes get: live; delayed only (live refused with {@code liveRefusal},
     * 10089 unless set, delayed data with the 10167 notice); or none (live refused with 354, delayed
     * with 10168).
     */
    public enum Permission { LIVE, DELAYED_ONLY, NONE }

    /** A scripted holding. */
    public record Holding(String symbol, int conId, double quantity, double avgCost, double marketPrice,
            double unrealized, double realized) {
    }

    // ---- script (set before or during a test) ----
    public volatile int maxServerVersion = 176;
    public volatile List<String> accounts = List.of("DU1234567");
    public final Map<String, Integer> contracts = new java.util.concurrent.ConcurrentHashMap<>(Map.of("AAPL", 265598, "MSFT", 272093));
    public final Map<String, List<Inbound.HistoricalBar>> bars = new java.util.concurrent.ConcurrentHashMap<>();
    public final Map<String, Behaviour> behaviour = new java.util.concurrent.ConcurrentHashMap<>();
    public volatile String rejectReason = "Order rejected - reason:Insufficient buying power";
    public final Map<String, String> accountSummary = new java.util.concurrent.ConcurrentHashMap<>(Map.of("NetLiquidation", "100000.00",
            "TotalCashValue", "50000.00", "BuyingPower", "200000.00", "AvailableFunds", "50000.00"));
    public volatile double unrealizedPnl = 1150.0;
    public volatile double realizedPnl = 25.0;
    /** What the P&L subscription (reqPnL) reports as today's P&L. */
    public volatile double dailyPnl = -75.0;
    public final List<Holding> holdings = new CopyOnWriteArrayList<>(List.of(
            new Holding("MSFT", 272093, 10, 300.0, 310.0, 100.0, 0.0)));
    /**
     * Runs on the client's connection thread for each request, after it is received and before the
     * gateway acts on it (e.g. to hold it while the client process is killed; the gateway then acts
     * on it as IB would, whether the client is still there or not).
     */
    public volatile java.util.function.Consumer<Outbound> beforeAnswer = m -> { };
    /** Requests matching this are read but never answered (for timeout tests). */
    public volatile Predicate<Outbound> silent = m -> false;
    /**
     * Replaces the default answer to a request: returns the messages to send instead, or null to
     * answer as usual.
     */
    public volatile java.util.function.Function<Outbound, List<Inbound>> override = m -> null;
    /** At most this many shares execute per order each time the market trades (0 = the whole order): partial fills. */
    public volatile long maxFillPerTrade;
    /** Drop the connection right after receiving the n-th placeOrder (0 = never). */
    public volatile int dropAfterPlaceOrder;
    /** Errors sent right after startApi, as (id, code, text). */
    public final List<Inbound.ErrorMessage> connectErrors = new CopyOnWriteArrayList<>();
    /** Contract details: each symbol's minTick (0.01 unless set). */
    public final Map<String, Double> minTicks = new java.util.concurrent.ConcurrentHashMap<>();
    /** Contract details: the liquid hours sent for every symbol ("" unless set) and their time zone. */
    public volatile String liquidHours = "";
    public volatile String timeZoneId = "US/Eastern";
    /** Market data permissions by symbol (live unless set). */
    public final Map<String, Permission> permissions = new java.util.concurrent.ConcurrentHashMap<>();
    /** The error code that refuses live data for a {@link Permission#DELAYED_ONLY} symbol: 10089 or 354. */
    public volatile int liveRefusal = 10089;
    /** An error sent instead of the bars of a symbol's historical request, as (code, text). */
    public final Map<String, Inbound.ErrorMessage> historicalErrors = new java.util.concurrent.ConcurrentHashMap<>();
    /** The price quotes give when the market has not traded here (the last bar's close, else 100). */
    public final Map<String, Double> quotePrices = new java.util.concurrent.ConcurrentHashMap<>();

    // ---- recording ----
    public final List<Outbound> received = new CopyOnWriteArrayList<>();
    public final List<Integer> connectedVersions = new CopyOnWriteArrayList<>();
    public final List<String> handshakes = new CopyOnWriteArrayList<>();
    /** {@link System#nanoTime()} when the last request frame was read off a client socket (benchmark hop times). */
    public volatile long lastFrameReadNanos;
    /** {@link System#nanoTime()} when the answers to the last request were flushed (benchmark hop times). */
    public volatile long lastAnswerFlushedNanos;

    // ---- state ----
    final FakeMatching matching = new FakeMatching(this);
    final Map<Integer, FakeSession> sessionsByClient = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, Double> lastPrice = new java.util.concurrent.ConcurrentHashMap<>();
    /** Positions opened by fills at this gateway, by symbol. */
    final Map<String, Holding> traded = new java.util.LinkedHashMap<>();
    /** Sorted by id: the highest id (every new id must exceed it) is found without a scan. */
    final java.util.NavigableMap<Integer, FakeOrder> orders = new java.util.TreeMap<>();
    /** Orders by the parent id they were placed with, so a group is found without a scan of every order. */
    final Map<Integer, List<FakeOrder>> byParent = new java.util.HashMap<>();
    final List<Inbound.ExecDetails> executions = new ArrayList<>();
    final Set<Integer> clientIds = new HashSet<>();
    int placeOrderCount;
    long nextPermId = 5000;
    int nextExec = 1;

    private final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    private ServerSocket server;
    private int port;
    private Thread acceptor;

    public FakeGateway() {
    }

    public synchronized FakeGateway start() throws IOException {
        ServerSocket s = bind();
        server = s;
        port = s.getLocalPort();
        acceptor = new Thread(() -> acceptLoop(s), "fake-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return this;
    }

    /** Binds the port; after a stop the closing listener may hold it for a moment, so retry briefly. */
    private ServerSocket bind() throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            try {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return s;
            } catch (java.net.BindException e) {
                s.close();
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    public int port() {
        return port;
    }

    /** Stops listening and drops every client; order state is kept. */
    public synchronized void stop() {
        try {
            if (server != null) {
                server.close();
            }
            if (acceptor != null) {
                acceptor.join(2000);
            }
        } catch (IOException ignored) {
            // closing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        dropClients();
    }

    /** A gateway restart: stop, then listen again on the same port with the same order state. */
    public void restart() throws IOException {
        stop();
        start();
    }

    /** Drops every client connection now (the gateway keeps running). */
    public void dropClients() {
        for (FakeSession s : sessions) {
            s.close();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * The market for {@code symbol} trades at {@code price} now: working orders it reaches execute
     * and their clients are told. Returns once the gateway has processed the price.
     */
    public void marketTradesAt(String symbol, double price) {
        synchronized (this) {
            lastPrice.put(symbol, price);
            try {
                matching.match(symbol, price);
            } catch (IOException e) {
                // a client went away mid-message; it learns the rest on reconnect
            }
        }
        for (FakeSession s : sessions) {
            s.tryFlush();
        }
    }

    FakeSession sessionOf(int clientId) {
        return sessionsByClient.get(clientId);
    }

    /** Applies a fill to the traded positions; returns the symbol's position after it. */
    synchronized Holding applyFill(String symbol, int conId, double signedQty, double price) {
        Holding h = traded.get(symbol);
        double qty = h == null ? 0 : h.quantity();
        double avg = h == null ? 0 : h.avgCost();
        double after = qty + signedQty;
        double newAvg;
        if (Math.abs(after) < 1e-9) {
            newAvg = 0;
        } else if (qty == 0 || Math.signum(qty) == Math.signum(signedQty)) {
            newAvg = (qty * avg + signedQty * price) / after;
        } else if (Math.signum(after) == Math.signum(qty)) {
            newAvg = avg;
        } else {
            newAvg = price;
        }
        double realized = h == null ? 0 : h.realized();
        if (qty != 0 && Math.signum(qty) != Math.signum(signedQty)) {
            realized += Math.min(Math.abs(qty), Math.abs(signedQty)) * (price - avg) * Math.signum(qty);
        }
        Holding n = new Holding(symbol, conId, after, newAvg, price, after * (price - newAvg), realized);
        traded.put(symbol, n);
        return n;
    }

    /** The scripted holdings and the positions opened here (flat ones are left out). */
    synchronized List<Holding> allHoldings() {
        List<Holding> all = new ArrayList<>(holdings);
        traded.values().stream().filter(h -> Math.abs(h.quantity()) > 1e-9).forEach(all::add);
        return all;
    }

    /** Pushes a message to every connected client (notices, errors with id -1). */
    public void sendToAll(Inbound m) {
        for (FakeSession s : sessions) {
            s.trySend(m);
        }
    }

    /** The price a quote for {@code symbol} gives: the market's last trade here, the scripted one, the last bar's close or 100. */
    double quotePrice(String symbol) {
        Double traded = lastPrice.get(symbol);
        if (traded != null) {
            return traded;
        }
        Double scripted = quotePrices.get(symbol);
        if (scripted != null) {
            return scripted;
        }
        List<Inbound.HistoricalBar> b = bars.getOrDefault(symbol, List.of());
        return b.isEmpty() ? 100.0 : b.get(b.size() - 1).close();
    }

    public long count(Class<? extends Outbound> type) {
        return received.stream().filter(type::isInstance).count();
    }

    public List<Outbound.PlaceOrder> placedOrders() {
        return received.stream().filter(Outbound.PlaceOrder.class::isInstance).map(Outbound.PlaceOrder.class::cast)
                .toList();
    }

    public synchronized int connectedClients() {
        return clientIds.size();
    }

    /** Status of an order id at the gateway, or null. */
    public synchronized String statusOf(int orderId) {
        FakeOrder o = orders.get(orderId);
        return o == null ? null : o.status;
    }

    public synchronized long ordersWithRef(String ref) {
        return orders.values().stream().filter(o -> o.params.orderRef().equals(ref)).count();
    }

    void sessionEnded(FakeSession s) {
        sessions.remove(s);
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket c = s.accept();
                FakeSession session = new FakeSession(this, c);
                sessions.add(session);
                Thread t = new Thread(session, "fake-gateway-client");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }
}
