package tech.brokerbridge.ports.broker;

import tech.brokerbridge.ports.PortException;

/** Technical failure of a {@link Broker} call: not connected, timed out, protocol error. */
public class BrokerException extends PortException {
    private static final long serialVersionUID = 1L;

    public BrokerException(String message, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
    }

    public static BrokerException notConnected(String message) {
        return new BrokerException(message, true, null);
    }

    public static BrokerException timeout(String what) {
        return new BrokerException("timed out: " + what, true, null);
    }
}
