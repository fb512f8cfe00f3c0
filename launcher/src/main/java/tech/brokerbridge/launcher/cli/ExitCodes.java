package tech.brokerbridge.launcher.cli;

/** The process exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID_CONFIG = 2;
    public static final int PORT_IN_USE = 3;

    private ExitCodes() {
    }
}
