package tech.brokerbridge.keyring.internal;

import java.util.Optional;

/**
 * The OS keyring, one entry per (service, account). Calls may block indefinitely (a locked
 * keyring may wait for a password prompt): {@link KeyringAccess} bounds them. Not thread-safe.
 */
public interface KeyringClient extends AutoCloseable {
    /** The entry, or empty when there is none. @throws KeyringFailure when the keyring fails */
    Optional<String> get(String service, String account) throws KeyringFailure;

    void set(String service, String account, String value) throws KeyringFailure;

    /** True when an entry was removed. */
    boolean delete(String service, String account) throws KeyringFailure;

    /** e.g. {@code GNOME_KEYRING}, {@code OSX_KEYCHAIN}, {@code WINDOWS_CREDENTIAL_STORE}. */
    String description();

    @Override
    void close();

    /** The keyring failed; the message holds no value. */
    final class KeyringFailure extends Exception {
        private static final long serialVersionUID = 1L;

        public KeyringFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
