package tech.brokerbridge.sqlite.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How values are stored: instants as epoch nanoseconds, doubles bit-exact in untyped columns with NaN
 * as the text {@code 'NaN'} (SQLite would turn a NaN into NULL), absent optionals as NULL.
 */
final class Values {
    private static final String NAN = "NaN";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private Values() {
    }

    /** Epoch nanoseconds; an instant outside 1677-09-21..2262-04-11 cannot be stored. */
    static long nanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), NANOS_PER_SECOND), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the journal stores instants between 1677 and 2262 only, got " + t, e);
        }
    }

    /** Epoch nanoseconds clamped to the storable range, for query bounds. */
    static long nanosClamped(Instant t) {
        if (t.isBefore(Instant.ofEpochSecond(0, Long.MIN_VALUE))) {
            return Long.MIN_VALUE;
        }
        if (t.isAfter(Instant.ofEpochSecond(0, Long.MAX_VALUE))) {
            return Long.MAX_VALUE;
        }
        return nanos(t);
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("the journal stores durations up to 292 years only, got " + d, e);
        }
    }

    static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setString(index, NAN);
        } else {
            ps.setDouble(index, value);
        }
    }

    static double getDouble(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        if (NAN.equals(o)) {
            return Double.NaN;
        }
        throw new SQLException("column " + column + " holds " + (o == null ? "NULL" : "'" + o + "'")
                + " where a number was expected", "22000", 11); // SQLITE_CORRUPT: only this code writes these columns
    }

    static void setOptionalDouble(PreparedStatement ps, int index, OptionalDouble value) throws SQLException {
        if (value.isPresent()) {
            setDouble(ps, index, value.getAsDouble());
        } else {
            ps.setNull(index, Types.NULL);
        }
    }

    static OptionalDouble getOptionalDouble(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column) == null ? OptionalDouble.empty() : OptionalDouble.of(getDouble(rs, column));
    }

    static void setOptionalLong(PreparedStatement ps, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            ps.setLong(index, value.getAsLong());
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }

    static OptionalLong getOptionalLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    static void setOptionalString(PreparedStatement ps, int index, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            ps.setString(index, value.get());
        } else {
            ps.setNull(index, Types.VARCHAR);
        }
    }

    static Optional<String> getOptionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /**
     * Binds one statement argument the way this class stores it: an instant or duration as nanoseconds
     * (out of range: refused), a double bit-exact (NaN as text), a boolean as 1 or 0, an empty optional
     * or a null as NULL. Query bounds that must be clamped are passed already as {@code long}.
     */
    static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value instanceof Optional<?> o) {
            if (o.isPresent()) {
                bind(ps, index, o.get());
            } else {
                ps.setNull(index, Types.NULL);
            }
        } else if (value instanceof OptionalDouble d) {
            setOptionalDouble(ps, index, d);
        } else if (value instanceof OptionalLong l) {
            setOptionalLong(ps, index, l);
        } else if (value instanceof Double d) {
            setDouble(ps, index, d);
        } else if (value instanceof Instant t) {
            ps.setLong(index, nanos(t));
        } else if (value instanceof Duration d) {
            ps.setLong(index, nanos(d));
        } else if (value instanceof Boolean b) {
            ps.setInt(index, b ? 1 : 0);
        } else if (value == null) {
            ps.setNull(index, Types.NULL);
        } else if (value instanceof String || value instanceof Long || value instanceof Integer) {
            ps.setObject(index, value);
        } else {
            throw new IllegalArgumentException("the journal does not store a " + value.getClass().getName());
        }
    }
}
