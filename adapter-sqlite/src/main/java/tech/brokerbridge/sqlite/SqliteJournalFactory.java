package tech.brokerbridge.sqlite;

import java.util.Objects;
import tech.brokerbridge.sqlite.internal.SqliteJournal;

/**
 * Opens the durable journal: the SQLite file {@value SqliteConfig#FILE_NAME} in the configured data
 * directory.
 *
 * <p>The file runs in WAL mode with {@code synchronous=FULL} and foreign keys on: every write is
 * committed and synced to disk before the call returns, so whatever the journal acknowledged
 * survives a crash, a {@code SIGKILL} or a power cut. Writes from several threads at once share one
 * commit and one sync (group commit). The one exception is
 * {@link tech.brokerbridge.ports.journal.OrderLog#saveOrderProgress}: committed at once, synced with
 * the next write or by a background checkpoint within about a second. The log is checkpointed in the
 * background (a thread and a second connection), never inside a caller's commit. The schema is migrated forward in one
 * transaction at open; a file written by a newer BrokerBridge is refused.
 *
 * <p>The returned journal is thread-safe: calls are serialized on one connection. Every call blocks
 * on local disk only; it waits at most {@link SqliteConfig#busyTimeout()} for a lock held by
 * another process, then throws a retryable {@link tech.brokerbridge.ports.journal.JournalException}.
 * Other failures (a corrupt file, a full disk, a constraint) throw a non-retryable one. Instants
 * are kept to the nanosecond and must lie between the years 1677 and 2262.
 */
public final class SqliteJournalFactory {
    private SqliteJournalFactory() {
    }

    /**
     * Opens (creating the directory, the file and the schema if needed) the journal.
     *
     * @throws tech.brokerbridge.ports.journal.JournalException when the directory cannot be created, the
     *     file is not a usable SQLite database, its schema is newer than this build, or a migration fails
     */
    public static ClosableJournal open(SqliteConfig config) {
        Objects.requireNonNull(config, "config");
        return SqliteJournal.open(config.databaseFile(), config.busyTimeout());
    }
}
