package tech.brokerbridge.ports.journal;

import tech.brokerbridge.ports.PortException;

/** The journal could not read or durably write. */
public class JournalException extends PortException {
    private static final long serialVersionUID = 1L;

    public JournalException(String message, boolean retryable, Throwable cause) {
        super(message, retryable, cause);
    }
}
