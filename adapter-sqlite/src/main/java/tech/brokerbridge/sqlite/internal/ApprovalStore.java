package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import tech.brokerbridge.ports.journal.ApprovalRecord;

/** The approvals log: append-only, read oldest first (ties in the order recorded). */
final class ApprovalStore {
    private ApprovalStore() {
    }

    static void append(Connection c, ApprovalRecord a) throws SQLException {
        Sql.update(c, "INSERT INTO approvals (time_ns, proposal_id, symbol, action, original_quantity, original_stop,"
                + " original_target, modified_quantity, modified_stop, modified_target, reason, channel, actor)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.time(), a.proposalId(), a.symbol(),
                a.action().wire(), a.originalQuantity(), a.originalStop(), a.originalTarget(), a.modifiedQuantity(),
                a.modifiedStop(), a.modifiedTarget(), a.reason(), a.channel(), a.actor());
    }

    static List<ApprovalRecord> all(Connection c) throws SQLException {
        return Sql.query(c, "SELECT * FROM approvals ORDER BY time_ns, approval_id",
                rs -> new ApprovalRecord(Values.instant(rs.getLong("time_ns")), rs.getString("proposal_id"),
                        rs.getString("symbol"),
                        ApprovalRecord.Action.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                        rs.getLong("original_quantity"), Values.getDouble(rs, "original_stop"),
                        Values.getDouble(rs, "original_target"), Values.getOptionalLong(rs, "modified_quantity"),
                        Values.getOptionalDouble(rs, "modified_stop"), Values.getOptionalDouble(rs, "modified_target"),
                        rs.getString("reason"), rs.getString("channel"), rs.getString("actor")));
    }
}
