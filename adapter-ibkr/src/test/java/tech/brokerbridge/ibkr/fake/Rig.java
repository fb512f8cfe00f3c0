package tech.brokerbridge.ibkr.fake;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import tech.brokerbridge.ibkr.internal.ClientSettings;
import tech.brokerbridge.ibkr.internal.IbkrBroker;
import tech.brokerbridge.ibkr.internal.IbkrClient;
import tech.brokerbridge.ibkr.internal.IbkrMarketData;
import tech.brokerbridge.ibkr.internal.conn.Sleeper;
import tech.brokerbridge.ibkr.internal.conn.Ticker;
import tech.brokerbridge.ports.tck.BrokerRig;

/**
 * A fake gateway plus an adapter client wired to it, with test timing: a fixed clock, and a
 * sleeper that records every requested delay and sleeps only a fiftieth of it (so reconnect
 * backoff takes milliseconds). Waits in tests are upper bounds, never the thing measured.
 */
public final class Rig implements AutoCloseable {
    public static final Instant NOW = Instant.parse("2026-03-02T15:00:00Z");
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    public final FakeGateway gw;
    public final IbkrClient client;
    public final IbkrBroker broker;
    public final IbkrMarketData market;
    public final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    public final EventRecorder events = new EventRecorder();

    private Rig(FakeGateway gw, UnaryOperator<ClientSettings> tweak) {
        this.gw = gw;
        Sleeper fast = d -> {
            sleeps.add(d);
            long ms = Math.min(100, d.toMillis() / 50);
            Thread.sleep(Math.max(1, ms));
        };
        ClientSettings base = settings(gw.port(), 1, Duration.ofSeconds(5)).withTiming(fast, Ticker.SYSTEM, () -> 0.5);
        this.client = new IbkrClient(tweak.apply(base));
        this.broker = client.broker();
        this.market = client.marketData();
        broker.subscribe(events);
    }

    public static ClientSettings settings(int port, int clientId, Duration timeout) {
        return new ClientSettings("127.0.0.1", port, clientId, timeout, Duration.ofSeconds(5), "", "SMART", "USD",
                Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofSeconds(30), CLOCK, Sleeper.SYSTEM,
                Ticker.SYSTEM, () -> 0.5);
    }

    /** Starts a default fake gateway and a connected client. */
    public static Rig connected() throws IOException {
        return connected(new FakeGateway(), UnaryOperator.identity());
    }

    public static Rig connected(FakeGateway gw, UnaryOperator<ClientSettings> tweak) throws IOException {
        gw.start();
        Rig r = new Rig(gw, tweak);
        r.client.start();
        r.client.awaitReady(Duration.ofSeconds(10));
        return r;
    }

    /** A client for a gateway that is not listening (yet); the gateway keeps its port. */
    public static Rig withGatewayDown(FakeGateway gw) throws IOException {
        return withGatewayDown(gw, UnaryOperator.identity());
    }

    public static Rig withGatewayDown(FakeGateway gw, UnaryOperator<ClientSettings> tweak) throws IOException {
        gw.start();
        gw.stop();
        Rig r = new Rig(gw, tweak);
        r.client.start();
        return r;
    }

    /** The settings with another request timeout. */
    public static ClientSettings timeout(ClientSettings s, Duration t) {
        return new ClientSettings(s.host(), s.port(), s.clientId(), t, s.connectTimeout(), s.account(), s.exchange(),
                s.currency(), s.initialBackoff(), s.maxBackoff(), s.heartbeat(), s.clock(), s.sleeper(), s.ticker(),
                s.random());
    }

    /** The settings on another clock. */
    public static ClientSettings clock(ClientSettings s, Clock clock) {
        return new ClientSettings(s.host(), s.port(), s.clientId(), s.requestTimeout(), s.connectTimeout(), s.account(),
                s.exchange(), s.currency(), s.initialBackoff(), s.maxBackoff(), s.heartbeat(), clock, s.sleeper(),
                s.ticker(), s.random());
    }

    /** The settings with {@code ibkr.account} set. */
    public static ClientSettings account(ClientSettings s, String account) {
        return new ClientSettings(s.host(), s.port(), s.clientId(), s.requestTimeout(), s.connectTimeout(), account,
                s.exchange(), s.currency(), s.initialBackoff(), s.maxBackoff(), s.heartbeat(), s.clock(), s.sleeper(),
                s.ticker(), s.random());
    }

    /** Waits (at most 10 s) until the client is connected and reconciled again. */
    public void awaitReady() {
        client.awaitReady(Duration.ofSeconds(10));
    }

    /** This rig under the ports' broker contracts: the fake gateway's market moves the prices. */
    public BrokerRig brokerRig() {
        return new BrokerRig(broker, gw::marketTradesAt, this);
    }

    @Override
    public void close() {
        client.close();
        gw.close();
    }
}
