package tech.brokerbridge.ports.broker;

import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.Require;

/** The account a {@link Broker} sends orders to, as it knows it now. Never holds a full account id. */
public sealed interface TradingAccount {
    /**
     * Orders go to this account.
     *
     * @param maskedId the account id masked for display (e.g. {@code DU****567}); never the full id
     * @param kind paper or live, by the broker's own rule
     * @param liveEndpoint present when the connection itself is conventionally a live one (e.g. IB
     *     Gateway's port 4001), saying so for a person; the account's kind is what counts
     */
    record Selected(String maskedId, AccountKind kind, Optional<String> liveEndpoint) implements TradingAccount {
        public Selected {
            Require.nonNull("maskedId", maskedId, "kind", kind, "liveEndpoint", liveEndpoint);
        }
    }

    /**
     * No account is selected, so nothing can be sent: not connected yet, or several accounts and no
     * choice, or the chosen one is not there.
     *
     * @param reason for a person, naming the accounts seen (masked) and what to do
     */
    record Unselected(String reason) implements TradingAccount {
        public Unselected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
