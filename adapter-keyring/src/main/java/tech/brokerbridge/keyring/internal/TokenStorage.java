package tech.brokerbridge.keyring.internal;

import java.util.Optional;
import java.util.SortedSet;

/**
 * Where Fernet tokens are kept, by name. It only ever sees tokens, never plaintext. Implementations
 * are thread-safe and throw {@link tech.brokerbridge.ports.secrets.SecretStoreException} on failure.
 */
public interface TokenStorage extends AutoCloseable {
    /** {@code keyring} or {@code file}. */
    String kind();

    /** Whether the last call reached the backend. Never blocks. */
    boolean available();

    Optional<String> read(String name);

    void write(String name, String token);

    /** True when something was removed. */
    boolean remove(String name);

    /** The stored names (possibly a few whose entry has vanished from under the storage). */
    SortedSet<String> names();

    @Override
    void close();
}
