package tech.brokerbridge.ibkr;

import tech.brokerbridge.ports.broker.Broker;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.market.MarketData;

/**
 * A running Interactive Brokers adapter: one session to IB Gateway/TWS behind a {@link Broker} and
 * a {@link MarketData}.
 *
 * <p>Lifecycle: {@link #start()} returns at once, whether or not the gateway is up; a supervisor
 * thread connects, reconciles open orders and executions, and reconnects with backoff (1 s to 60 s)
 * whenever the session drops. Until the session is ready, calls on the ports wait at most the
 * request timeout and then throw a retryable exception. {@link #close()} stops everything; it is
 * idempotent. Thread-safe.
 */
public interface IbkrGateway extends AutoCloseable {
    Broker broker();

    MarketData marketData();

    /** Starts connecting in the background; never blocks, never throws for an absent gateway. */
    void start();

    /** Same as {@code broker().connectionStatus()}; never blocks. */
    ConnectionStatus connectionStatus();

    @Override
    void close();
}
