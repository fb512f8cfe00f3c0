package tech.brokerbridge.launcher.setup;

import tech.brokerbridge.ports.setup.IbkrCheck;

/**
 * The IB Gateway connection test behind {@code POST /api/credentials/ibkr/test}. {@link SetupModule}
 * binds {@link IbkrConnectionProbe} (adapter-ibkr); {@link #NOT_AVAILABLE} answers 501 "not available
 * in this build" for a desk assembled without an IB adapter — never a pretended success.
 *
 * <p>Implementations block for at most about 5 s, never throw for an unreachable gateway, and never
 * return an unmasked account id.
 */
@FunctionalInterface
public interface IbkrProbe {
    /** Answers 501 "not available in this build": nothing is attempted, nothing pretends to work. */
    IbkrProbe NOT_AVAILABLE = (host, port, clientId) -> new IbkrCheck.NotAvailable(
            "the IB Gateway connection test is not available in this build (no Interactive Brokers adapter)");

    IbkrCheck test(String host, int port, int clientId);
}
