package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
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
        Sql.update(c, "DELETE FROM proposal_cool_downs WHERE until_ns <= ?", d.at());
        Sql.update(c, "INSERT OR REPLACE INTO proposal_cool_downs (symbol, direction, setup_type, cause, proposal_id,"
                + " at_ns, until_ns, entry_price, stop_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", d.symbol(),
                d.direction().wire(), d.setupType(), d.cause().wire(), d.proposalId(), d.at(), d.until(),
                d.entryPrice(), d.stopPrice());
    }

    /** Running at {@code now}, oldest start first (ties by symbol, direction, setup type). */
    static List<CoolDown> active(Connection c, Instant now) throws SQLException {
        return Sql.query(c, "SELECT * FROM proposal_cool_downs WHERE until_ns > ?"
                + " ORDER BY at_ns, symbol, direction, setup_type",
                rs -> new CoolDown(rs.getString("symbol"), Direction.fromWire(rs.getString("direction")),
                        rs.getString("setup_type"), CoolDown.Cause.fromWire(rs.getString("cause")),
                        rs.getString("proposal_id"), Values.instant(rs.getLong("at_ns")),
                        Values.instant(rs.getLong("until_ns")), Values.getDouble(rs, "entry_price"),
                        Values.getDouble(rs, "stop_price")),
                Values.nanosClamped(now));
    }
}
