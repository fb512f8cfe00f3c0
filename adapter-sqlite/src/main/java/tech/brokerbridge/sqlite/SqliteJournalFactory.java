package tech.brokerbridge.sqlite;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.sqlite.internal.JournalFiles;
import tech.brokerbridge.sqlite.internal.SqliteJournal;

/**
 * Opens the durable journal: the SQLite file {@value SqliteConfig#FILE_NAME} in the configured data
 * directory; checks, backs up and restores such a file.
 *
 * <p>The file runs in WAL mode with {@code synchronous=FULL} and foreign keys on: every write is
 * committed and synced to disk before the call returns, so whatever the journal acknowledged
 * survives a crash, a {@code SIGKILL} or a power cut. Writes from several threads at once share one
 * commit and one sync (group commit). The one exception is
 * {@link tech.brokerbridge.ports.journal.OrderLog#saveOrderProgress}: committed at once, synced with
 * the next write or by a background checkpoint within about a second. The log is checkpointed in the
 * background (a thread and a second connection), never inside a caller's commit. The schema is
 * migrated forward in one transaction at open; a file written by a newer BrokerBridge is refused. A
 * new file is created with mode 0600 (where the file system is POSIX), and SQLite gives its
 * {@code -wal} and {@code -shm} the same mode.
 *
 * <p>The returned journal is thread-safe: calls are serialized on one connection. Every call blocks
 * on local disk only; it waits at most {@link SqliteConfig#busyTimeout()} for a lock held by
 * another process, then throws a retryable {@link tech.brokerbridge.ports.journal.JournalException}.
 * Other failures (a corrupt file, a full disk, a constraint) throw a non-retryable one. Instants
 * are kept to the nanosecond and must lie between the years 1677 and 2262.
 *
 * <p>{@link #check}, {@link #backup} and {@link #restore} work on whole files with their own
 * connections, block on local disk for as long as the file takes to read or copy, and are safe to
 * call from any thread; {@link #backup} may run while a journal on the same file is open and writing.
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

    /**
     * Checks a journal file without changing it: missing, empty (0 bytes, or no record), damaged
     * ({@code PRAGMA quick_check} fails, or it is not SQLite) or sound with its schema version. Takes
     * time in proportion to the file's size.
     *
     * @throws JournalException when the file cannot be read at all (permissions, I/O error, locked)
     */
    public static JournalCheck check(Path databaseFile) {
        Objects.requireNonNull(databaseFile, "databaseFile");
        return JournalFiles.check(databaseFile, SqliteConfig.DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Writes a consistent copy of the journal file {@code databaseFile} to the new file {@code target}
     * (mode 0600) with SQLite's online backup API, while the journal may be open and writing; then
     * checks the copy with {@code PRAGMA quick_check}. The copy is a standalone file (rollback journal
     * mode) that {@link #restore} takes back. A failed or damaged copy is removed.
     *
     * @throws JournalException when {@code target} exists, the journal cannot be read, or the copy is
     *     damaged (then the journal itself probably is)
     */
    public static void backup(Path databaseFile, Path target) {
        Objects.requireNonNull(databaseFile, "databaseFile");
        Objects.requireNonNull(target, "target");
        JournalFiles.copy(databaseFile, target, SqliteConfig.DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Replaces the journal in {@code config}'s directory by the backup {@code backupFile}. The backup
     * is checked first and must be a sound journal this build can open; the current journal file (with
     * its {@code -wal} and {@code -shm}) is then moved to {@code previousAs} so that nothing is lost,
     * and the backup is copied in with SQLite's backup API. No journal may be open on the directory
     * meanwhile: the caller makes sure no desk runs.
     *
     * @return where the previous journal went; empty when there was none
     * @throws JournalException when the backup is missing, empty, damaged or from a newer build (the
     *     journal is then left as it was), or when a file cannot be moved or copied
     */
    public static Optional<Path> restore(SqliteConfig config, Path backupFile, Path previousAs) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(backupFile, "backupFile");
        Objects.requireNonNull(previousAs, "previousAs");
        JournalCheck c = check(backupFile);
        String problem = "";
        if (c instanceof JournalCheck.Missing) {
            problem = "there is no such file";
        } else if (c instanceof JournalCheck.Empty e) {
            problem = "it is empty: " + e.why();
        } else if (c instanceof JournalCheck.Damaged d) {
            problem = "it is damaged: " + d.detail();
        } else if (c instanceof JournalCheck.Sound s && s.newerThanThisBuild()) {
            problem = "it was written by a newer BrokerBridge (schema " + s.schemaVersion() + ", this build knows "
                    + s.latestVersion() + ")";
        }
        if (!problem.isEmpty()) {
            throw new JournalException("cannot restore " + backupFile + ": " + problem, false, null);
        }
        Path journal = config.databaseFile();
        if (journal.toAbsolutePath().normalize().equals(backupFile.toAbsolutePath().normalize())) {
            throw new JournalException("cannot restore " + backupFile + ": it is the journal itself", false, null);
        }
        Optional<Path> previous = JournalFiles.setAside(journal, previousAs);
        JournalFiles.copy(backupFile, journal, config.busyTimeout());
        return previous;
    }
}
