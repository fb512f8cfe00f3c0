package tech.brokerbridge.launcher.wiring;

import tech.brokerbridge.http.HttpServerStartException;

/** The desk could not start; carries a message for the user, why, and the failure that stopped it. */
public final class StartupException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final Reason reason;

    /** Why the desk did not start, where the command line has an exit code for it. */
    public enum Reason {
        /** Anything else: a component failed (the message says which and why). */
        FAILED,
        /** Another process (a daemon, or a restore) holds the data directory. */
        DATA_DIRECTORY_IN_USE,
        /** The journal is damaged, or missing/empty while the desk's other records show history. */
        JOURNAL_REFUSED
    }

    public StartupException(String message, Throwable cause) {
        this(message, Reason.FAILED, cause);
    }

    public StartupException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = java.util.Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    /** True when another program holds the HTTP port (the command line has an exit code for that). */
    public boolean portInUse() {
        return getCause() instanceof HttpServerStartException e && e.addressInUse();
    }
}
