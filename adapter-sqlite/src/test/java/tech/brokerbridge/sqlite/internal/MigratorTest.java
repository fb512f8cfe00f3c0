package tech.brokerbridge.sqlite.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static tech.brokerbridge.sqlite.internal.SqlRows.column;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigratorTest {
    private static final Migration V1 = new Migration(1, "one", List.of("CREATE TABLE a (x INTEGER)"));
    private static final Migration V2 = new Migration(2, "two",
            List.of("CREATE TABLE b (y TEXT)", "INSERT INTO b VALUES ('seed')"));

    @TempDir
    Path dir;

    @Test
    void appliesOnlyTheMissingMigrations() throws SQLException {
        try (Connection c = connect()) {
            assertEquals(1, new Migrator(List.of(V1)).migrate(c));
            // V1 again would fail: its table exists already
            assertEquals(2, new Migrator(List.of(V1, V2)).migrate(c));
            assertEquals(2, new Migrator(List.of(V1, V2)).migrate(c));
            assertEquals(List.of("1", "2"), column(c, "SELECT version FROM schema_version ORDER BY version"));
            assertEquals(List.of("seed"), column(c, "SELECT y FROM b"));
        }
    }

    @Test
    void aFailingMigrationLeavesTheSchemaAsItWas() throws SQLException {
        Migration broken = new Migration(2, "broken", List.of("CREATE TABLE c (z INTEGER)", "THIS IS NOT SQL"));
        assertLeavesVersionOne(broken);
    }

    @Test
    void aFailingJavaStepUndoesItsMigrationsStatements() throws SQLException {
        Migration failing = new Migration(2, "with a java step", List.of("CREATE TABLE c (z INTEGER)"))
                .followedBy(c -> {
                    try (Statement s = c.createStatement()) {
                        s.execute("INSERT INTO c VALUES (1)");
                    }
                    throw new SQLException("conversion failed");
                });
        assertLeavesVersionOne(failing);
    }

    @Test
    void migrationsMustBeNumberedFromOneWithoutGaps() {
        assertThrows(IllegalArgumentException.class, () -> new Migrator(List.of(V2)));
        assertThrows(IllegalArgumentException.class, () -> new Migrator(List.of(V1, V1)));
    }

    @Test
    void scriptsSplitOnSemicolonsAtTheEndOfALine() {
        String script = "-- a comment; with a semicolon\n"
                + "CREATE TABLE t (\n  s TEXT DEFAULT 'a;b'\n);\n\n"
                + "  -- indented comment\n"
                + "INSERT INTO t VALUES ('x');\r\n";
        assertEquals(List.of("CREATE TABLE t (\n  s TEXT DEFAULT 'a;b'\n)", "INSERT INTO t VALUES ('x')"),
                Migration.split(script));
        assertThrows(IllegalArgumentException.class, () -> Migration.split("CREATE TABLE t (x)"));
    }

    @Test
    void theShippedMigrationsLoad() {
        List<Migration> all = Migration.all();
        assertEquals(1, all.get(0).version());
        assertEquals(all.size(), new Migrator(all).latest());
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("m.db"));
    }

    /** Migrating a version-1 database with {@code failing} as version 2 fails and leaves it at version 1, without table c. */
    private void assertLeavesVersionOne(Migration failing) throws SQLException {
        try (Connection c = connect()) {
            new Migrator(List.of(V1)).migrate(c);
            assertThrows(SQLException.class, () -> new Migrator(List.of(V1, failing)).migrate(c));
            assertEquals(List.of("1"), column(c, "SELECT version FROM schema_version"));
            assertEquals(List.of(), column(c, "SELECT name FROM sqlite_master WHERE name = 'c'"));
        }
    }
}
