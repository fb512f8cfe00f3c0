package tech.brokerbridge.http;

/**
 * The server could not bind its loopback addresses. {@link #addressInUse()} tells whether the port
 * was taken by another process (a launcher maps that to its own exit code).
 */
public final class HttpServerStartException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final boolean addressInUse;

    public HttpServerStartException(String message, boolean addressInUse, Throwable cause) {
        super(message, cause);
        this.addressInUse = addressInUse;
    }

    /** True when the port is already in use on a loopback address. */
    public boolean addressInUse() {
        return addressInUse;
    }
}
