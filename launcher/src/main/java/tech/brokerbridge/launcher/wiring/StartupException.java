package tech.brokerbridge.launcher.wiring;

import tech.brokerbridge.http.HttpServerStartException;

/** The desk could not start; carries a message for the user and the failure that stopped it. */
public final class StartupException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when another program holds the HTTP port (the command line has an exit code for that). */
    public boolean portInUse() {
        return getCause() instanceof HttpServerStartException e && e.addressInUse();
    }
}
