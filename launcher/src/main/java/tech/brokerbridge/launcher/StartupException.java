package tech.brokerbridge.launcher;

/** The desk could not start; carries the process exit code and a message for the user. */
public final class StartupException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public StartupException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
