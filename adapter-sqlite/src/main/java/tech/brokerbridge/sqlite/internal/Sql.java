package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The statement shapes the stores share: run one statement with its arguments, insert one row per
 * element of a list through one prepared statement, read every row of a query. Arguments are bound by
 * {@link Values#bind}, so every store stores a value the same way.
 */
final class Sql {
    /** Most values bound in one {@code IN (...)} list: far below SQLite's limit on parameters. */
    static final int IN_CHUNK = 512;

    private Sql() {
    }

    /** {@code n} comma-separated parameter marks, for an {@code IN (...)} list. */
    static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    /**
     * {@code ids} in lists of at most {@value #IN_CHUNK}, for one {@code IN (...)} query each; a list is
     * padded to a power of two by repeating its last id (which matches nothing more), so that a few query
     * texts serve every count and stay compiled in the {@link StatementCache}.
     */
    static List<List<String>> chunks(List<String> ids) {
        List<List<String>> chunks = new ArrayList<>();
        for (int i = 0; i < ids.size(); i += IN_CHUNK) {
            List<String> chunk = new ArrayList<>(ids.subList(i, Math.min(ids.size(), i + IN_CHUNK)));
            int padded = Integer.highestOneBit(chunk.size() - 1) << 1;
            while (chunk.size() < padded) {
                chunk.add(chunk.get(chunk.size() - 1));
            }
            chunks.add(chunk);
        }
        return chunks;
    }

    /** Reads one row; it may run further queries on the same connection (child tables). */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            ps.executeUpdate();
        }
    }

    /** Runs {@code sql} once per row, {@code argsOf(i)} giving row i's arguments. */
    static void insertEach(Connection c, String sql, int rows, IntFunction<Object[]> argsOf) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < rows; i++) {
                bind(ps, argsOf.apply(i));
                ps.executeUpdate();
            }
        }
    }

    /** Every row, in the query's order. */
    static <T> List<T> query(Connection c, String sql, Row<T> row, Object... args) throws SQLException {
        List<T> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row.read(rs));
                }
            }
        }
        return result;
    }

    private static void bind(PreparedStatement ps, Object[] args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Values.bind(ps, i + 1, args[i]);
        }
    }
}
