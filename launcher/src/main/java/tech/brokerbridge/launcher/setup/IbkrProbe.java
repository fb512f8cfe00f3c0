package tech.brokerbridge.launcher.setup;

import tech.brokerbridge.ports.setup.IbkrCheck;

/**
 * The IB Gateway connection test behind {@code POST /api/credentials/ibkr/test}. This build has no IB
 * adapter, so {@link #NOT_AVAILABLE} is bound (501 "not available in this build"). With
 * {@code adapter-ibkr} merged, bind instead (in {@link SetupModule}):
 *
 * <pre>{@code
 * (host, port, clientId) -> {
 *     IbkrConfig cfg;
 *     try {
 *         cfg = IbkrConfig.defaults().withHost(host, allowRemoteHost).withPort(port).withClientId(clientId);
 *     } catch (IllegalArgumentException e) {
 *         return new IbkrCheck.Invalid(List.of(new FieldError("host", e.getMessage())));
 *     }
 *     IbkrConnectionCheck c = IbkrFactory.testConnection(cfg);
 *     return new IbkrCheck.Answered(c.ok(), c.serverVersion(), c.accounts(), c.message());
 * }
 * }</pre>
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
