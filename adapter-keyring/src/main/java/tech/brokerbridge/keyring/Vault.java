package tech.brokerbridge.keyring;

import tech.brokerbridge.ports.license.InstallationIdentity;
import tech.brokerbridge.ports.secrets.SecretStore;

/**
 * The credential vault: a {@link SecretStore} whose values are Fernet tokens under a key derived
 * from this machine's fingerprint, and the {@link InstallationIdentity} derived from the same
 * fingerprint. Obtained from {@link VaultFactory#open(VaultConfig)}.
 *
 * <p>Thread-safe; calls are serialized. With the keyring backend a call blocks on the OS keyring
 * for at most 5 seconds, then throws a retryable
 * {@link tech.brokerbridge.ports.secrets.SecretStoreException}. Nothing it logs or throws contains
 * a secret value, a token or the fingerprint.
 */
public interface Vault extends SecretStore, InstallationIdentity, AutoCloseable {
    /** Releases the keyring connection (further keyring calls fail). Idempotent; never throws. */
    @Override
    void close();
}
