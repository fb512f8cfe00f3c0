package tech.brokerbridge.launcher.cli;

/** The process exit codes. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int INVALID_CONFIG = 2;
    public static final int PORT_IN_USE = 3;
    /** Another daemon (or a restore) holds the data directory. */
    public static final int ALREADY_RUNNING = 4;
    /** The journal is damaged, or missing/empty while the desk's other records show history. */
    public static final int JOURNAL_REFUSED = 5;
    /** {@code brokerbridge status}: no daemon runs on this data directory. */
    public static final int NOT_RUNNING = 6;

    private ExitCodes() {
    }
}
