package tech.brokerbridge.launcher.wiring;

/**
 * The desk could not start; carries a message for the user and whether the HTTP port was taken (the
 * command line turns that into its exit code).
 */
public final class StartupException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final boolean portInUse;

    public StartupException(String message, boolean portInUse, Throwable cause) {
        super(message, cause);
        this.portInUse = portInUse;
    }

    /** True when another program holds the HTTP port. */
    public boolean portInUse() {
        return portInUse;
    }
}
