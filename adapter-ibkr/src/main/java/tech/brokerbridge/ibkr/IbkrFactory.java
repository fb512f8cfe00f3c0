package tech.brokerbridge.ibkr;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import tech.brokerbridge.ibkr.internal.ClientSettings;
import tech.brokerbridge.ibkr.internal.IbkrBroker;
import tech.brokerbridge.ibkr.internal.IbkrClient;
import tech.brokerbridge.ibkr.internal.IbkrMarketData;
import tech.brokerbridge.ibkr.internal.Probe;
import tech.brokerbridge.ibkr.internal.conn.Sleeper;
import tech.brokerbridge.ibkr.internal.conn.Ticker;
import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.market.MarketData;

/**
 * Builds the Interactive Brokers adapter: {@link tech.brokerbridge.ports.broker.Broker} and
 * {@link tech.brokerbridge.ports.market.MarketData} over the TWS API socket protocol to IB Gateway
 * or TWS on this machine.
 *
 * <p>Threads: each gateway handle runs a supervisor thread, a socket reader thread and an
 * order-event thread (all daemons). Blocking: port calls block at most
 * {@link IbkrConfig#requestTimeout()} (default 10 s) and then throw a retryable
 * {@code BrokerException} / {@code MarketDataException}; nothing waits forever. Outgoing messages
 * are paced to at most 50 per second. Errors: IB error codes are mapped to order events
 * (rejections), submit results (unknown symbol, duplicate orderRef) or port exceptions.
 */
public final class IbkrFactory {
    private IbkrFactory() {
    }

    /**
     * Creates the adapter (not started). {@code clock} stamps order events and account snapshots and
     * dates the bars' lookback.
     */
    public static IbkrGateway create(IbkrConfig config, Clock clock) {
        return create(settings(config, clock));
    }

    /**
     * A one-off connection test, independent of any running adapter: TCP connect, API handshake,
     * startApi with {@code config.clientId()}, and the gateway's account list, all within 5 s.
     * Never throws for an unreachable gateway; the result says what went wrong. Use a client id the
     * running adapter does not use, or the gateway answers "client id in use" (326).
     */
    public static IbkrConnectionCheck testConnection(IbkrConfig config) {
        Duration budget = Duration.ofSeconds(5);
        Probe.Result r = Probe.run(config.host(), config.port(), config.clientId(), budget);
        return new IbkrConnectionCheck(r.ok(), r.serverVersion(), r.accounts(), r.message(), r.modes());
    }

    static ClientSettings settings(IbkrConfig config, Clock clock) {
        return new ClientSettings(config.host(), config.port(), config.clientId(), config.requestTimeout(),
                config.connectTimeout(), config.account(), config.exchange(), config.currency(), Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(30), clock, Sleeper.SYSTEM, Ticker.SYSTEM,
                () -> ThreadLocalRandom.current().nextDouble());
    }

    static IbkrGateway create(ClientSettings settings) {
        IbkrClient client = new IbkrClient(settings);
        IbkrBroker broker = client.broker();
        IbkrMarketData market = client.marketData();
        return new IbkrGateway() {
            @Override
            public Broker broker() {
                return broker;
            }

            @Override
            public MarketData marketData() {
                return market;
            }

            @Override
            public void start() {
                client.start();
            }

            @Override
            public ConnectionStatus connectionStatus() {
                return client.status();
            }

            @Override
            public void close() {
                client.close();
            }
        };
    }
}
