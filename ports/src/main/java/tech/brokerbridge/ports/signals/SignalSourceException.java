package tech.brokerbridge.ports.signals;

import tech.brokerbridge.ports.PortException;

/** The bars could not be analysed. Never retryable: the same bars fail the same way. */
public class SignalSourceException extends PortException {
    private static final long serialVersionUID = 1L;

    public SignalSourceException(String message, Throwable cause) {
        super(message, false, cause);
    }
}
