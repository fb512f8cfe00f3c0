package tech.brokerbridge.ports;

/**
 * Base of every technical failure raised through a port. Each port has its own subclass; adapters
 * translate vendor exceptions into it at their boundary, so no vendor type crosses a port.
 *
 * <p>The message never contains a secret, an account id or a balance.
 */
public abstract class PortException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    protected PortException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** True when the same call may succeed later (timeouts, connection loss, rate limits). */
    public boolean retryable() {
        return retryable;
    }
}
