package tech.brokerbridge.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import tech.brokerbridge.ports.journal.JournalException;

/**
 * The one connection to {@code brokerbridge.db}, guarded by a lock. Every read runs in a read
 * transaction (a consistent snapshot) and every write in a {@code BEGIN IMMEDIATE} transaction that
 * is committed, and with {@code synchronous=FULL} synced to disk, before the call returns.
 */
final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final Path file;
    private final Connection connection;
    private final ReentrantLock lock = new ReentrantLock();
    private boolean closed;

    private Database(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens the file, sets and checks the durability pragmas and migrates the schema. */
    static Database open(Path file, Duration busyTimeout, List<Migration> migrations) {
        createParent(file);
        Connection connection = connect(file, busyTimeout);
        boolean opened = false;
        try {
            checkPragmas(connection);
            int version = new Migrator(migrations).migrate(connection);
            LOG.info("journal open: {} (schema version {})", file, version);
            opened = true;
            return new Database(file, connection);
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

    <T> T write(String what, SqlWork<T> work) {
        return inTransaction("BEGIN IMMEDIATE", what, work);
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
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Reads one pragma's value, for tests and diagnostics. */
    String pragma(String name) {
        return read("read pragma " + name, c -> queryPragma(c, name));
    }

    @Override
    public void close() {
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

    private static Connection connect(Path file, Duration busyTimeout) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.enforceForeignKeys(true);
        // macOS: a plain fsync does not reach the platter; F_FULLFSYNC does. Ignored elsewhere.
        config.enableFullSync(true);
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
