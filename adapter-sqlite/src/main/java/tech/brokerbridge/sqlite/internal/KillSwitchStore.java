package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import tech.brokerbridge.ports.journal.KillSwitchState;

/** The kill switch: one row (id 1), absent until the switch is first saved. */
final class KillSwitchStore {
    private KillSwitchStore() {
    }

    static Optional<KillSwitchState> get(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT engaged, engaged_by, reason, since_ns FROM kill_switch WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Instant since = Values.instant(rs.getLong("since_ns"));
            if (rs.getInt("engaged") == 0) {
                return Optional.of(new KillSwitchState.Released(since));
            }
            return Optional.of(new KillSwitchState.Engaged(since,
                    KillSwitchState.EngagedBy.fromWire(rs.getString("engaged_by")), rs.getString("reason")));
        }
    }

    static void put(Connection c, KillSwitchState state) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kill_switch (id, engaged, engaged_by, reason,"
                + " since_ns) VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET engaged = excluded.engaged,"
                + " engaged_by = excluded.engaged_by, reason = excluded.reason, since_ns = excluded.since_ns")) {
            if (state instanceof KillSwitchState.Engaged e) {
                ps.setInt(1, 1);
                ps.setString(2, e.by().wire());
                ps.setString(3, e.reason());
            } else {
                ps.setInt(1, 0);
                ps.setNull(2, Types.VARCHAR);
                ps.setString(3, "");
            }
            ps.setLong(4, Values.nanos(state.since()));
            ps.executeUpdate();
        }
    }
}
