package tech.brokerbridge.ibkr;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@link IbkrFactory#testConnection(IbkrConfig)}.
 *
 * @param ok the handshake succeeded and the gateway listed its accounts
 * @param serverVersion the negotiated TWS API server version (0 when not connected)
 * @param accounts account ids masked like {@code DU****567}
 * @param message human text: what worked or why not (never an account id)
 */
public record IbkrConnectionCheck(boolean ok, int serverVersion, List<String> accounts, String message) {
    public IbkrConnectionCheck {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(message, "message");
    }
}
