package tech.brokerbridge.launcher.setup;

import java.util.List;
import tech.brokerbridge.ibkr.IbkrConfig;
import tech.brokerbridge.ibkr.IbkrConnectionCheck;
import tech.brokerbridge.ibkr.IbkrFactory;
import tech.brokerbridge.ports.setup.FieldError;
import tech.brokerbridge.ports.setup.IbkrCheck;

/**
 * The IB Gateway connection test through adapter-ibkr ({@link IbkrFactory#testConnection}): TCP
 * connect, API handshake, {@code startApi} with the given client id and the account list, all within
 * 5 s, on its own connection (independent of the running broker). A host that is not loopback is
 * refused unless {@code ibkr.allow_remote_host} is set, as for the broker itself.
 */
final class IbkrConnectionProbe implements IbkrProbe {
    private final boolean allowRemoteHost;

    IbkrConnectionProbe(boolean allowRemoteHost) {
        this.allowRemoteHost = allowRemoteHost;
    }

    @Override
    public IbkrCheck test(String host, int port, int clientId) {
        IbkrConfig config;
        try {
            config = IbkrConfig.defaults().withHost(host, allowRemoteHost).withPort(port).withClientId(clientId);
        } catch (IllegalArgumentException e) {
            String m = e.getMessage();
            String field = m.startsWith("ibkr.port") ? "port" : m.startsWith("ibkr.client_id") ? "client_id" : "host";
            return new IbkrCheck.Invalid(List.of(new FieldError(field, m)));
        }
        IbkrConnectionCheck c = IbkrFactory.testConnection(config);
        return new IbkrCheck.Answered(c.ok(), c.serverVersion(), c.accounts(), c.message(), c.accountModes());
    }
}
