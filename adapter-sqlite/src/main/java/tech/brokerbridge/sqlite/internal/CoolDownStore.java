package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.ports.journal.CoolDown;
import tech.brokerbridge.ports.market.Direction;

/**
 * Proposal cool-downs, one per symbol, direction and setup type. Starting one forgets the cool-downs
 * that ended before it started, so the table holds no more than the running ones and the latest.
 */
final class CoolDownStore {
    private CoolDownStore() {
    }

    static void start(Connection c, CoolDown d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM proposal_cool_downs WHERE until_ns <= ?")) {
            ps.setLong(1, Values.nanos(d.at()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO proposal_cool_downs (symbol, direction,"
                + " setup_type, cause, proposal_id, at_ns, until_ns, entry_price, stop_price)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, d.symbol());
            ps.setString(2, d.direction().wire());
            ps.setString(3, d.setupType());
            ps.setString(4, d.cause().wire());
            ps.setString(5, d.proposalId());
            ps.setLong(6, Values.nanos(d.at()));
            ps.setLong(7, Values.nanos(d.until()));
            Values.setDouble(ps, 8, d.entryPrice());
            Values.setDouble(ps, 9, d.stopPrice());
            ps.executeUpdate();
        }
    }

    /** Running at {@code now}, oldest start first (ties by symbol, direction, setup type). */
    static List<CoolDown> active(Connection c, Instant now) throws SQLException {
        List<CoolDown> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM proposal_cool_downs WHERE until_ns > ?"
                + " ORDER BY at_ns, symbol, direction, setup_type")) {
            ps.setLong(1, Values.nanosClamped(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new CoolDown(rs.getString("symbol"), Direction.fromWire(rs.getString("direction")),
                            rs.getString("setup_type"), CoolDown.Cause.fromWire(rs.getString("cause")),
                            rs.getString("proposal_id"), Values.instant(rs.getLong("at_ns")),
                            Values.instant(rs.getLong("until_ns")), Values.getDouble(rs, "entry_price"),
                            Values.getDouble(rs, "stop_price")));
                }
            }
        }
        return result;
    }
}
