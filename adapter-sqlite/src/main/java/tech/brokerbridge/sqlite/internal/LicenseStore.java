package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import tech.brokerbridge.ports.journal.LicenseRecord;

/** The license records: one row (id 1), absent before the desk's first start. */
final class LicenseStore {
    private static final String FOUND = "found";
    private static final String NOT_FOUND = "not_found";
    private static final String KEY_REFUSED = "key_refused";

    private LicenseStore() {
    }

    static Optional<LicenseRecord> get(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM license WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new LicenseRecord(Values.instant(rs.getLong("first_start_ns")), answer(rs),
                    outage(rs)));
        }
    }

    private static Optional<LicenseRecord.Answer> answer(ResultSet rs) throws SQLException {
        String kind = rs.getString("answer_kind");
        if (kind == null) {
            return Optional.empty();
        }
        Instant at = Values.instant(rs.getLong("answer_at_ns"));
        return Optional.of(switch (kind) {
            case FOUND -> new LicenseRecord.Found(at, rs.getString("answer_status"),
                    Values.getOptionalString(rs, "answer_bound_to"), optionalInstant(rs, "answer_period_end_ns"));
            case NOT_FOUND -> new LicenseRecord.NotFound(at);
            case KEY_REFUSED -> new LicenseRecord.KeyRefused(at);
            // SQLITE_CORRUPT: the CHECK constraint lets nothing else in
            default -> throw new SQLException("license.answer_kind holds '" + kind + "'", "22000", 11);
        });
    }

    private static Optional<LicenseRecord.Outage> outage(ResultSet rs) throws SQLException {
        OptionalLong since = Values.getOptionalLong(rs, "outage_since_ns");
        if (since.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new LicenseRecord.Outage(Values.instant(since.getAsLong()),
                Values.instant(rs.getLong("outage_last_attempt_ns")), rs.getString("outage_reason")));
    }

    static void put(Connection c, LicenseRecord r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO license (id, first_start_ns,"
                + " answer_kind, answer_at_ns, answer_status, answer_bound_to, answer_period_end_ns, outage_since_ns,"
                + " outage_last_attempt_ns, outage_reason) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, Values.nanos(r.firstStart()));
            Optional<LicenseRecord.Answer> answer = r.answer();
            Optional<LicenseRecord.Found> found = answer.filter(LicenseRecord.Found.class::isInstance)
                    .map(LicenseRecord.Found.class::cast);
            Values.setOptionalString(ps, 2, answer.map(LicenseStore::kind));
            setOptionalInstant(ps, 3, answer.map(LicenseRecord.Answer::at));
            Values.setOptionalString(ps, 4, found.map(LicenseRecord.Found::status));
            Values.setOptionalString(ps, 5, found.flatMap(LicenseRecord.Found::boundTo));
            setOptionalInstant(ps, 6, found.flatMap(LicenseRecord.Found::periodEnd));
            setOptionalInstant(ps, 7, r.outage().map(LicenseRecord.Outage::since));
            setOptionalInstant(ps, 8, r.outage().map(LicenseRecord.Outage::lastAttempt));
            Values.setOptionalString(ps, 9, r.outage().map(LicenseRecord.Outage::reason));
            ps.executeUpdate();
        }
    }

    private static String kind(LicenseRecord.Answer a) {
        if (a instanceof LicenseRecord.Found) {
            return FOUND;
        }
        return a instanceof LicenseRecord.NotFound ? NOT_FOUND : KEY_REFUSED;
    }

    private static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        OptionalLong v = Values.getOptionalLong(rs, column);
        return v.isPresent() ? Optional.of(Values.instant(v.getAsLong())) : Optional.empty();
    }

    private static void setOptionalInstant(PreparedStatement ps, int index, Optional<Instant> t) throws SQLException {
        if (t.isPresent()) {
            ps.setLong(index, Values.nanos(t.get()));
        } else {
            ps.setNull(index, Types.INTEGER);
        }
    }
}
