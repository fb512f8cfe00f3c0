package tech.brokerbridge.ports.secrets;

import tech.brokerbridge.ports.PortException;

/** Technical failure of the secret store. The message never contains a secret. */
public class SecretStoreException extends PortException {
    private static final long serialVersionUID = 1L;
    private final boolean undecryptable;

    public SecretStoreException(String message, boolean retryable, boolean undecryptable, Throwable cause) {
        super(message, retryable, cause);
        this.undecryptable = undecryptable;
    }

    public static SecretStoreException undecryptable(String name) {
        return new SecretStoreException(
                "credential '" + name + "' was encrypted on another machine \u2014 enter it again", false, true, null);
    }

    /** A value stored on this machine that no longer passes its integrity check. */
    public static SecretStoreException damaged(String name) {
        return new SecretStoreException(
                "credential '" + name + "' is damaged or tampered with \u2014 enter it again", false, true, null);
    }

    /** True when the value exists but cannot be decrypted here (another machine's key, or damaged). */
    public boolean undecryptable() {
        return undecryptable;
    }
}
