package tech.brokerbridge.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import tech.brokerbridge.ports.journal.JournalException;

/**
 * The one connection to {@code brokerbridge.db}, guarded by a lock. Every read runs in a read
 * transaction (a consistent snapshot) and every write in a {@code BEGIN IMMEDIATE} transaction that
 * is committed, and with {@code synchronous=FULL} synced to disk, before the call returns.
 *
 * <p>Group commit: writes that arrive while another commit is syncing wait in a queue, and the next
 * thread to get the connection commits all of them in one transaction (each in its own savepoint, so
 * one that fails is rolled back alone) with one sync. A {@link #writeProgress progress} write is
 * committed with {@code synchronous=NORMAL}: visible at once, durable with the next synced commit
 * (the WAL is synced whole) or the {@link WalCheckpointer}'s next checkpoint, within a second.
 * SQLite's automatic checkpoint is off on this connection, so that no commit pays for one; the
 * checkpointer does it in the background on a connection of its own, and then, under this lock,
 * {@linkplain #checkpointAndRestart restarts the log} so that it keeps a stable size.
 */
final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private final ConcurrentLinkedQueue<PendingWrite<?>> queue = new ConcurrentLinkedQueue<>();
    private final WalCheckpointer checkpointer;
    private boolean synchronousFull = true;
    private boolean closed;
    private volatile long commits;
    private volatile long restarts;

    private Database(Path file, Connection connection, Duration busyTimeout, WalCheckpointer.Policy policy) {
        this.file = file;
        this.connection = connection;
        this.checkpointer = WalCheckpointer.start(file, () -> connect(file, busyTimeout), new WalCheckpointer.Restarter() {
            @Override
            public long commits() {
                return commits;
            }

            @Override
            public WalCheckpointer.Restart checkpointAndRestart(long seenCommits) throws SQLException {
                return Database.this.checkpointAndRestart(seenCommits);
            }
        },
                policy);
    }

    /** Opens the file, sets and checks the durability pragmas and migrates the schema. */
    static Database open(Path file, Duration busyTimeout, List<Migration> migrations) {
        return open(file, busyTimeout, migrations, WalCheckpointer.Policy.DEFAULT);
    }

    /** As {@link #open(Path, Duration, List)}, checkpointing as {@code policy} says (tests shorten it). */
    static Database open(Path file, Duration busyTimeout, List<Migration> migrations, WalCheckpointer.Policy policy) {
        createParent(file);
        Connection connection = connect(file, busyTimeout);
        boolean opened = false;
        try {
            checkPragmas(connection);
            int version = new Migrator(migrations).migrate(connection);
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA wal_autocheckpoint = 0");
                // a log that a burst made longer is cut back to this when it restarts
                s.execute("PRAGMA journal_size_limit = " + policy.limitBytes());
            }
            Database db = new Database(file, StatementCache.wrap(connection), busyTimeout, policy);
            LOG.info("journal open: {} (schema version {})", file, version);
            opened = true;
            return db;
        } catch (SQLException e) {
            throw SqlErrors.translate("open " + file, e);
        } finally {
            if (!opened) {
                closeQuietly(connection);
            }
        }
    }

    <T> T read(String what, SqlWork<T> work) {
        return inTransaction("BEGIN DEFERRED", what, work);
    }

    /** A durable write: committed and synced before it returns (possibly with others, see the class comment). */
    <T> T write(String what, SqlWork<T> work) {
        return enqueue(new PendingWrite<>(what, work, true));
    }

    /**
     * A write of progress another party also holds: committed and visible before it returns, synced
     * with the next durable write or by the checkpointer within a second.
     */
    <T> T writeProgress(String what, SqlWork<T> work) {
        return enqueue(new PendingWrite<>(what, work, false));
    }

    /** {@link #write(String, SqlWork)} of a step that returns nothing. */
    void update(String what, SqlStep step) {
        write(what, nothing(step));
    }

    /** {@link #writeProgress(String, SqlWork)} of a step that returns nothing. */
    void updateProgress(String what, SqlStep step) {
        writeProgress(what, nothing(step));
    }

    private static SqlWork<Void> nothing(SqlStep step) {
        return c -> {
            step.run(c);
            return null;
        };
    }

    private <T> T enqueue(PendingWrite<T> mine) {
        queue.add(mine);
        lock.lock();
        try {
            if (!mine.done) {
                commitQueued();
            }
        } finally {
            lock.unlock();
        }
        return mine.result();
    }

    /** Commits every queued write in one transaction. Under the lock. */
    private void commitQueued() {
        List<PendingWrite<?>> batch = new ArrayList<>();
        for (PendingWrite<?> w = queue.poll(); w != null; w = queue.poll()) {
            batch.add(w);
        }
        if (closed) {
            JournalException e = new JournalException("journal could not " + batch.get(0).what
                    + ": it is closed", false, null);
            batch.forEach(w -> w.fail(e));
            return;
        }
        boolean durable = batch.stream().anyMatch(w -> w.durable);
        boolean committed = false;
        try {
            synchronous(durable);
            execute("BEGIN IMMEDIATE");
            try {
                if (batch.size() == 1) {
                    batch.get(0).run(connection);
                } else {
                    for (PendingWrite<?> w : batch) {
                        runInSavepoint(w);
                    }
                }
                execute("COMMIT");
                committed = true;
                commits++;
            } finally {
                if (!committed) {
                    rollback();
                }
            }
        } catch (SQLException e) {
            batch.forEach(w -> w.fail(SqlErrors.translate(w.what, e)));
            return;
        } catch (RuntimeException e) { // a single write's own failure: it is rolled back, its caller gets it
            batch.forEach(w -> w.fail(e));
            return;
        } finally {
            batch.forEach(PendingWrite::finish);
        }
        checkpointer.written(durable);
    }

    /**
     * The checkpointer's second step, under the lock (no commit is in flight, none starts): checkpoints
     * what the log holds beyond the database, usually nothing as the checkpointer has just copied the rest
     * on its own connection, and when the log is then wholly in the database, restarts it with a write that
     * changes nothing ({@code PRAGMA user_version} set to its own value: page 1 rewritten as it is), committed
     * with {@code synchronous=NORMAL}. SQLite restarts a checkpointed log at the next write and syncs its
     * new header first, so that sync is paid here and not by the next durable commit. Not counted as a
     * write: it holds nothing to checkpoint.
     *
     * <p>With {@code seenCommits} at zero or more, it does nothing when a write was committed after that
     * count ({@link WalCheckpointer.Restart#RACED}): the checkpointer copies that write without the lock
     * first, so that the lock is held only for the restart itself (a copy here syncs the log and the
     * database, about 2 ms that an approval waiting for the lock would pay).
     *
     * @param seenCommits {@link #commits()} before the checkpointer's last copy, or -1 to go ahead anyway
     * @return whether the log was restarted ({@link WalCheckpointer.Restart#NOT_RESTARTED} when it is
     *     closed, or a reader on another connection kept part of the log from being checkpointed)
     */
    WalCheckpointer.Restart checkpointAndRestart(long seenCommits) throws SQLException {
        lock.lock();
        try {
            if (closed) {
                return WalCheckpointer.Restart.NOT_RESTARTED;
            }
            if (seenCommits >= 0 && commits != seenCommits) {
                return WalCheckpointer.Restart.RACED;
            }
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                if (!rs.next() || rs.getInt(1) != 0 || rs.getInt(2) <= 0 || rs.getInt(3) != rs.getInt(2)) {
                    return WalCheckpointer.Restart.NOT_RESTARTED;
                }
            }
            synchronous(false);
            String version = queryPragma(connection, "user_version");
            execute("PRAGMA user_version = " + Long.parseLong(version));
            restarts++;
            return WalCheckpointer.Restart.RESTARTED;
        } finally {
            lock.unlock();
        }
    }

    private void runInSavepoint(PendingWrite<?> w) throws SQLException {
        execute("SAVEPOINT queued_write");
        try {
            w.run(connection);
            execute("RELEASE queued_write");
        } catch (SQLException | RuntimeException e) {
            execute("ROLLBACK TO queued_write");
            execute("RELEASE queued_write");
            w.fail(e instanceof SQLException sql ? SqlErrors.translate(w.what, sql) : (RuntimeException) e);
        }
    }

    private void synchronous(boolean full) throws SQLException {
        if (full != synchronousFull) {
            execute(full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
            synchronousFull = full;
        }
    }

    private <T> T inTransaction(String begin, String what, SqlWork<T> work) {
        lock.lock();
        try {
            if (closed) {
                throw new JournalException("journal could not " + what + ": it is closed", false, null);
            }
            execute(begin);
            boolean committed = false;
            try {
                T result = work.run(connection);
                execute("COMMIT");
                committed = true;
                return result;
            } finally {
                if (!committed) {
                    rollback();
                }
            }
        } catch (SQLException e) {
            throw SqlErrors.translate(what, e);
        } finally {
            lock.unlock();
        }
    }

    private void rollback() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            // SQLite rolls back by itself after some errors (e.g. SQLITE_FULL); then there is nothing left to undo
            LOG.debug("journal rollback: {}", e.getMessage());
        }
    }

    private void execute(String sql) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) { // cached: BEGIN and COMMIT compile once
            s.execute();
        }
    }

    /** Write transactions committed so far, for tests and diagnostics. */
    long commits() {
        return commits;
    }

    /** Writes waiting for the connection now, for tests and diagnostics. */
    int queued() {
        return queue.size();
    }

    /** The connection itself, for tests (use it under no other thread's nose). */
    Connection connection() {
        return connection;
    }

    WalCheckpointer checkpointer() {
        return checkpointer;
    }

    /** Reads one pragma's value, for tests and diagnostics. */
    String pragma(String name) {
        return read("read pragma " + name, c -> queryPragma(c, name));
    }

    /** Log restarts so far, for tests and diagnostics. */
    long restarts() {
        return restarts;
    }

    @Override
    public void close() {
        checkpointer.close(); // first, and not under the lock: its thread may be waiting for the lock
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(connection);
            LOG.info("journal closed: {}", file);
        } finally {
            lock.unlock();
        }
    }

    private static void createParent(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            PrivateFiles.createIfMissing(file);
        } catch (IOException e) {
            throw new JournalException("journal could not create " + file + ": " + e,
                    false, e);
        }
    }

    static Connection connect(Path file, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        // macOS: a plain fsync does not reach the platter; F_FULLFSYNC does. Ignored elsewhere.
        config.enableFullSync(true);
        // the journal never asks for generated keys: without this the driver runs a regex and a second
        // statement (SELECT last_insert_rowid()) after every INSERT, about 8 % of an approval (JFR)
        config.setGetGeneratedKeys(false);
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw SqlErrors.translate("open " + file, e);
        }
    }

    private static void checkPragmas(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA checkpoint_fullfsync = ON");
        }
        expect(c, "journal_mode", "wal");
        expect(c, "synchronous", "2");
        expect(c, "foreign_keys", "1");
    }

    private static void expect(Connection c, String pragma, String wanted) throws SQLException {
        String actual = queryPragma(c, pragma);
        if (!wanted.equalsIgnoreCase(actual)) {
            throw new JournalException("journal could not set PRAGMA " + pragma + " = " + wanted + " (it is "
                    + actual + "); the file system may not support it", false, null);
        }
    }

    private static String queryPragma(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.warn("journal close failed: {}", e.getMessage());
        }
    }
}
