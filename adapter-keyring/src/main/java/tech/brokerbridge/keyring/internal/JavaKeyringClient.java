package tech.brokerbridge.keyring.internal;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;

/**
 * {@link KeyringClient} over java-keyring: the Secret Service (GNOME Keyring, KWallet) on Linux
 * through D-Bus, the Keychain on macOS, the Credential Manager on Windows. On Linux an item carries
 * the attributes {@code service} and {@code account}, so {@code secret-tool lookup service
 * brokerbridge account NAME} shows it.
 */
public final class JavaKeyringClient implements KeyringClient {
    private final Keyring keyring;

    private JavaKeyringClient(Keyring keyring) {
        this.keyring = keyring;
    }

    /** Connects to whichever backend this OS offers. */
    public static JavaKeyringClient create() throws KeyringFailure {
        try {
            return new JavaKeyringClient(Keyring.create());
        } catch (BackendNotSupportedException ex) {
            throw new KeyringFailure("no keyring backend: " + describe(ex), ex);
        } catch (RuntimeException | LinkageError ex) {
            // D-Bus and JNA failures surface as unchecked exceptions and linkage errors
            throw new KeyringFailure("keyring backend failed to start: " + describe(ex), ex);
        }
    }

    @Override
    public Optional<String> get(String service, String account) throws KeyringFailure {
        try {
            return Optional.of(keyring.getPassword(service, account));
        } catch (PasswordAccessException ex) {
            // java-keyring reports "no such entry" with this exception on every backend
            return Optional.empty();
        } catch (RuntimeException ex) {
            throw new KeyringFailure("keyring read failed: " + describe(ex), ex);
        }
    }

    @Override
    public void set(String service, String account, String value) throws KeyringFailure {
        try {
            keyring.setPassword(service, account, value);
        } catch (PasswordAccessException | RuntimeException ex) {
            throw new KeyringFailure("keyring write failed: " + describe(ex), ex);
        }
    }

    @Override
    public boolean delete(String service, String account) throws KeyringFailure {
        try {
            keyring.deletePassword(service, account);
            return true;
        } catch (PasswordAccessException ex) {
            return false;
        } catch (RuntimeException ex) {
            throw new KeyringFailure("keyring delete failed: " + describe(ex), ex);
        }
    }

    @Override
    public String description() {
        return String.valueOf(keyring.getKeyringStorageType());
    }

    @Override
    public void close() {
        try {
            keyring.close();
        } catch (Exception ex) {
            // closing a D-Bus connection that is already gone; nothing to recover
        }
    }

    static String describe(Throwable ex) {
        // the class and message only; a keyring message names the service and account, never a value
        return ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
    }
}
