package tech.brokerbridge.sqlite.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteConnection;
import org.sqlite.SQLiteOpenMode;
import tech.brokerbridge.ports.journal.JournalException;
import tech.brokerbridge.sqlite.JournalCheck;

/**
 * Whole-file operations on a journal: the integrity check, the online backup (SQLite's backup API)
 * and the restore. Each opens its own short-lived connections, so a backup can run while the desk
 * writes: the copy is the database as one committed transaction left it.
 */
public final class JournalFiles {
    private static final Logger LOG = LoggerFactory.getLogger(JournalFiles.class);
    private static final String[] COMPANIONS = {"-wal", "-shm"};
    private static final int MAX_PROBLEMS = 3;
    // the backup API retries a busy source this often, this many ms apart, before it gives up
    private static final int BUSY_RETRIES = 50;
    private static final int BUSY_SLEEP_MS = 100;

    private JournalFiles() {
    }

    /** Checks {@code file} with {@code PRAGMA quick_check}; reads only. */
    public static JournalCheck check(Path file, Duration busyTimeout) {
        if (!Files.exists(file)) {
            return new JournalCheck.Missing();
        }
        if (!Files.isRegularFile(file)) {
            return new JournalCheck.Damaged("it is not a regular file");
        }
        if (size(file) == 0 && size(companion(file, "-wal")) == 0) {
            return new JournalCheck.Empty("the file is empty (0 bytes)");
        }
        try (Connection c = connect(file, busyTimeout)) {
            List<String> problems = quickCheck(c);
            if (!problems.isEmpty()) {
                return new JournalCheck.Damaged("quick_check: " + String.join("; ", problems));
            }
            if (!hasRows(c)) {
                return new JournalCheck.Empty("it holds no records");
            }
            return new JournalCheck.Sound(schemaVersion(c), Migration.all().size());
        } catch (SQLException e) {
            if (SqlErrors.damaged(e)) {
                return new JournalCheck.Damaged(SqlErrors.describe(e));
            }
            throw SqlErrors.translate("check " + file, e);
        }
    }

    /**
     * Copies the database {@code source} into the new file {@code target} (mode 0600) with SQLite's
     * backup API, then checks the copy. The copy is written beside the target under a temporary name
     * and renamed when it is whole and sound, so a file with the target's name is always complete; a
     * copy that fails or does not pass the check is removed.
     *
     * @throws JournalException when {@code target} exists, the source cannot be read, or the copy is damaged
     */
    public static void copy(Path source, Path target, Duration busyTimeout) {
        if (Files.exists(target)) {
            throw new JournalException("journal backup: " + target + " exists already", false, null);
        }
        Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
        try {
            Files.createDirectories(target.toAbsolutePath().getParent());
            deleteQuietly(partial);
            PrivateFiles.createIfMissing(partial);
            try (Connection c = connect(source, busyTimeout)) {
                int rc = c.unwrap(SQLiteConnection.class).getDatabase().backup("main", partial.toAbsolutePath().toString(),
                        null, BUSY_SLEEP_MS, BUSY_RETRIES, -1);
                if (rc != 0) {
                    throw new JournalException("journal backup of " + source + " to " + target + " failed: SQLite result "
                            + rc, rc == 5 || rc == 6, null);
                }
            }
            try (Connection t = connect(partial, busyTimeout); Statement s = t.createStatement()) {
                // a standalone file: no -wal or -shm appear beside a backup when it is opened
                s.execute("PRAGMA journal_mode = DELETE");
                List<String> problems = quickCheck(t);
                if (!problems.isEmpty()) {
                    throw new JournalException("journal backup of " + source + " is damaged (quick_check: "
                            + String.join("; ", problems) + "); the source is probably damaged too", false, null);
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (SQLException e) {
            throw SqlErrors.translate("back up " + source + " to " + target, e);
        } catch (IOException e) {
            throw new JournalException("journal backup: cannot write " + target + ": " + e.getMessage(), false, e);
        } finally {
            deleteQuietly(partial);
        }
    }

    /**
     * Moves {@code file} and its {@code -wal} and {@code -shm} companions to {@code to} (plus the same
     * suffixes), so that nothing the database held is lost; empty when there was no file.
     */
    public static Optional<Path> setAside(Path file, Path to) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(to.toAbsolutePath().getParent());
            for (String suffix : COMPANIONS) {
                Path c = companion(file, suffix);
                if (Files.exists(c)) {
                    Files.move(c, companion(to, suffix), StandardCopyOption.ATOMIC_MOVE);
                }
            }
            Files.move(file, to, StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(to);
        } catch (IOException e) {
            throw new JournalException("journal: cannot move " + file + " to " + to + ": " + e.getMessage(), false, e);
        }
    }

    static Path companion(Path file, String suffix) {
        return file.resolveSibling(file.getFileName() + suffix);
    }

    private static List<String> quickCheck(Connection c) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(" + MAX_PROBLEMS + ")")) {
            while (rs.next()) {
                // one problem may span lines ("*** in database main ***\nPage 12: ..."): keep messages on one line
                rows.add(rs.getString(1).replace("*** in database main ***", "").strip().replaceAll("\\s*\\R\\s*", " "));
            }
        }
        return rows.equals(List.of("ok")) ? List.of() : rows;
    }

    private static boolean hasRows(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master"
                + " WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM \"" + table.replace("\"", "\"\"") + "\")")) {
                if (rs.next() && rs.getInt(1) == 1) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")) {
            if (!rs.next() || rs.getInt(1) == 0) {
                return 0;
            }
        }
        return Migrator.currentVersion(c);
    }

    /** A connection that never creates the file (a check must not leave an empty database behind). */
    private static Connection connect(Path file, Duration busyTimeout) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout((int) busyTimeout.toMillis());
        config.resetOpenMode(SQLiteOpenMode.CREATE);
        return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static long size(Path file) {
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new JournalException("journal: cannot read the size of " + file + ": " + e.getMessage(), false, e);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            for (String suffix : COMPANIONS) {
                Files.deleteIfExists(companion(file, suffix));
            }
        } catch (IOException e) {
            LOG.warn("journal backup: cannot remove the failed copy {}: {}", file, e.getMessage());
        }
    }
}
