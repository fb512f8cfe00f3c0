package tech.brokerbridge.ports.secrets;

import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.Secret;

/**
 * Named secrets, encrypted at rest (driven port). Names are short identifiers such as
 * {@code claude.api_key}.
 *
 * <p>Thread-safe. Calls may block on the OS keyring for at most a few seconds and then throw a
 * retryable {@link SecretStoreException}.
 */
public interface SecretStore {
    /** Stores or replaces a secret. Durable when it returns. */
    void put(String name, Secret value);

    /**
     * The secret, if stored.
     *
     * @throws SecretStoreException with {@link SecretStoreException#undecryptable()} when it was
     *     encrypted on another machine
     */
    Optional<Secret> get(String name);

    /** Removes it; true when something was removed. */
    boolean delete(String name);

    /** Every stored name with its state, sorted by name. */
    List<SecretEntry> list();

    /** The backend in use. Never blocks for long. */
    StoreInfo info();
}
