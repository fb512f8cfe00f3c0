package tech.brokerbridge.ibkr;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@link IbkrFactory#testConnection(IbkrConfig)}.
 *
 * @param ok the handshake succeeded and the gateway listed its accounts
 * @param serverVersion the negotiated TWS API server version (0 when not connected)
 * @param accounts account ids masked like {@code DU****567}
 * @param message human text: what worked or why not (never an account id)
 * @param accountModes each masked account and its mode, {@code paper} or {@code live} (IB paper account
 *     ids start with D), in the order of {@code accounts}
 */
public record IbkrConnectionCheck(boolean ok, int serverVersion, List<String> accounts, String message,
        Map<String, String> accountModes) {
    public IbkrConnectionCheck {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(message, "message");
        accountModes = Collections.unmodifiableMap(new LinkedHashMap<>(accountModes));
    }
}
