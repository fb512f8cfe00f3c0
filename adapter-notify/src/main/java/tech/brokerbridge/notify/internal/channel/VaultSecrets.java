package tech.brokerbridge.notify.internal.channel;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.Secret;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * Reads a channel's secret from the vault at each use, so a secret saved while the desk runs is used
 * from the next message on. A vault that cannot be read counts as no secret (the message fails with
 * that reason; the vault's own error is not repeated, it could name an entry).
 */
public final class VaultSecrets {
    private final SecretStore store;

    public VaultSecrets(SecretStore store) {
        this.store = store;
    }

    /** The secret's value; empty when it is not saved or the vault cannot be read. */
    public Optional<String> get(String name) {
        try {
            return store.get(name).map(Secret::reveal).filter(v -> !v.isBlank());
        } catch (RuntimeException e) { // the channel reports "not saved or unreadable"; it must not throw
            return Optional.empty();
        }
    }

    /** The secret as the list of values a channel's audit masks: empty when it is not saved. */
    public List<String> toMask(String name) {
        return get(name).stream().toList();
    }
}
