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

    /** True when the value exists but was encrypted under another machine's key. */
    public boolean undecryptable() {
        return undecryptable;
    }
}
