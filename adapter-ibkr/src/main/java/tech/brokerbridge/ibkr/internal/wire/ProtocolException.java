package tech.brokerbridge.ibkr.internal.wire;

/** The peer sent bytes that do not follow the TWS socket protocol (bad frame, bad field). */
public final class ProtocolException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
