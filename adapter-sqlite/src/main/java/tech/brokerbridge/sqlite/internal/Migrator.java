package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.brokerbridge.ports.journal.JournalException;

/**
 * Brings the schema to the newest version of this build, in one transaction: either every missing
 * migration is applied and recorded in {@code schema_version}, or none is.
 */
final class Migrator {
    private static final Logger LOG = LoggerFactory.getLogger(Migrator.class);

    private final List<Migration> migrations;

    Migrator(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3...; found "
                        + migrations.get(i).version() + " at position " + (i + 1));
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    int latest() {
        return migrations.size();
    }

    /** Applies what is missing and returns the schema version now in the file. */
    int migrate(Connection c) throws SQLException {
        execute(c, "BEGIN IMMEDIATE");
        boolean committed = false;
        try {
            execute(c, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, "
                    + "description TEXT NOT NULL, applied_at TEXT NOT NULL)");
            int current = currentVersion(c);
            if (current > latest()) {
                throw new JournalException("journal schema version " + current + " is newer than this BrokerBridge "
                        + "supports (" + latest() + "); run a newer BrokerBridge or restore an older brokerbridge.db",
                        false, null);
            }
            for (Migration m : migrations.subList(current, migrations.size())) {
                apply(c, m);
            }
            execute(c, "COMMIT");
            committed = true;
            return latest();
        } finally {
            if (!committed) {
                rollbackQuietly(c);
            }
        }
    }

    private static void apply(Connection c, Migration m) throws SQLException {
        LOG.info("journal schema: applying migration {} ({})", m.version(), m.description());
        for (String sql : m.statements()) {
            execute(c, sql);
        }
        m.step().run(c);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, description, applied_at)"
                + " VALUES (?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))")) {
            ps.setInt(1, m.version());
            ps.setString(2, m.description());
            ps.executeUpdate();
        }
    }

    static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            execute(c, "ROLLBACK");
        } catch (SQLException e) {
            LOG.debug("journal schema rollback: {}", e.getMessage());
        }
    }
}
