package tech.brokerbridge.ibkr.internal;

import java.time.Duration;
import java.util.List;
import tech.brokerbridge.ibkr.internal.msg.Outbound;
import tech.brokerbridge.ports.broker.ConnectionStatus;
import tech.brokerbridge.ports.broker.TradingAccount;

/**
 * What the port facades ({@link IbkrBroker}, {@link IbkrMarketData}) do on the one gateway session
 * that {@link IbkrClient} keeps up: wait for it, send on it, and read what it chose at connect. Every
 * method may be called from any thread.
 */
interface GatewayLink {
    /** The session's state now; never blocks. */
    ConnectionStatus status();

    /**
     * Blocks until connected and reconciled, at most {@code timeout}.
     *
     * @throws tech.brokerbridge.ibkr.internal.error.GatewayException (not connected) when the time runs out
     */
    void awaitReady(Duration timeout);

    /** Sends on the current connection; throws a not-connected GatewayException without one. */
    void send(Outbound message);

    /** Sends several messages in one write on the current connection. */
    void sendAll(List<? extends Outbound> messages);

    /** Reserves {@code n} consecutive order ids and returns the first. */
    int allocateOrderIds(int n);

    /** The account this adapter trades (chosen at connect; empty before, or when none could be chosen). */
    String selectedAccount();

    /** The account as the Broker port says it: masked, paper or live, or why none is selected. */
    TradingAccount tradingAccount();
}
