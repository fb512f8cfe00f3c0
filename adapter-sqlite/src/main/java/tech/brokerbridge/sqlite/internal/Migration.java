package tech.brokerbridge.sqlite.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One schema step: a version, a description, its SQL statements and a step in Java run after them
 * (in the same transaction) for conversions SQL cannot express.
 *
 * @param statements SQL statements without their trailing {@code ;}
 */
record Migration(int version, String description, List<String> statements, Step step) {
    /** The schema of this build, oldest first. Append new migrations; never edit a released one. */
    static List<Migration> all() {
        return List.of(fromResource(1, "initial schema", "migrations/V001__initial_schema.sql"),
                fromResource(2, "typed desk state", "migrations/V002__typed_desk_state.sql")
                        .followedBy(LegacySettings::convert),
                fromResource(3, "notifications", "migrations/V003__notifications.sql"),
                fromResource(4, "proposal price basis", "migrations/V004__proposal_price_basis.sql"),
                fromResource(5, "open trades: actions, open and closed trades, commissions",
                        "migrations/V005__open_trades.sql"));
    }

    /** Work on the connection inside the migration's transaction. */
    @FunctionalInterface
    interface Step {
        void run(Connection c) throws SQLException;
    }

    Migration {
        Objects.requireNonNull(description, "description");
        statements = List.copyOf(statements);
        Objects.requireNonNull(step, "step");
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be >= 1, was " + version);
        }
    }

    /** SQL statements only. */
    Migration(int version, String description, List<String> statements) {
        this(version, description, statements, c -> { });
    }

    /** This migration with {@code next} run after its statements. */
    Migration followedBy(Step next) {
        return new Migration(version, description, statements, next);
    }

    /** Loads a script next to this class; see {@link #split(String)} for its format. */
    static Migration fromResource(int version, String description, String resource) {
        try (InputStream in = Migration.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("migration script missing from the build: " + resource);
            }
            return new Migration(version, description, split(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + resource, e);
        }
    }

    /**
     * Splits a script into statements: lines starting with {@code --} are comments, and a statement
     * ends with a {@code ;} at the end of a line (so a {@code ;} inside a line, e.g. in a string, is safe).
     */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            throw new IllegalArgumentException("migration script ends without ';': " + current.toString().strip());
        }
        return statements;
    }
}
