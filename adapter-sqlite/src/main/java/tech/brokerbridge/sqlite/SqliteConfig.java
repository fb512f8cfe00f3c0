package tech.brokerbridge.sqlite;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the journal lives and how long a write waits for a lock held by another connection.
 *
 * <p>The journal is the single file {@value #FILE_NAME} (plus SQLite's {@code -wal} and {@code -shm}
 * companions while it is open) in {@code directory}, which is created if missing.
 *
 * @param directory the data directory holding {@value #FILE_NAME}
 * @param busyTimeout how long a call waits for a lock held by another process before it fails with a
 *     retryable {@link tech.brokerbridge.ports.journal.JournalException}; 0 to 24 days (whole
 *     milliseconds are used)
 */
public record SqliteConfig(Path directory, Duration busyTimeout) {
    /** The database file name inside {@link #directory()}. */
    public static final String FILE_NAME = "brokerbridge.db";

    /** The busy timeout of {@link #defaults(Path)}: 5 seconds. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    public SqliteConfig {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout must be between 0 and " + Integer.MAX_VALUE
                    + " ms, was " + busyTimeout);
        }
    }

    /** The journal in {@code directory} with the default busy timeout (5 s). */
    public static SqliteConfig defaults(Path directory) {
        return new SqliteConfig(directory, DEFAULT_BUSY_TIMEOUT);
    }

    /** The database file: {@code directory/brokerbridge.db}. */
    public Path databaseFile() {
        return directory.resolve(FILE_NAME);
    }
}
