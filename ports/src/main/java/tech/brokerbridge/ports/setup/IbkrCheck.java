package tech.brokerbridge.ports.setup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The outcome of a connection test to IB Gateway/TWS. Business outcomes, not exceptions. */
public sealed interface IbkrCheck {
    /**
     * The test ran.
     *
     * @param ok the handshake succeeded and the gateway listed its accounts
     * @param serverVersion the negotiated TWS API server version (0 when not connected)
     * @param accounts account ids, masked (e.g. {@code DU****567})
     * @param message what worked or why not; never an account id
     * @param accountModes each masked account with its mode, {@code paper} or {@code live}, in the order
     *     of {@code accounts}
     */
    record Answered(boolean ok, int serverVersion, List<String> accounts, String message,
            Map<String, String> accountModes) implements IbkrCheck {
        public Answered {
            accounts = List.copyOf(accounts);
            Objects.requireNonNull(message, "message");
            accountModes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(accountModes));
        }

        /** Without account modes (no account listed). */
        public Answered(boolean ok, int serverVersion, List<String> accounts, String message) {
            this(ok, serverVersion, accounts, message, Map.of());
        }
    }

    /** This build has no IB adapter to test with; nothing was attempted. */
    record NotAvailable(String message) implements IbkrCheck {
        public NotAvailable {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The host, port or client id is not acceptable (e.g. a remote host that is not allowed). */
    record Invalid(List<FieldError> errors) implements IbkrCheck {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
