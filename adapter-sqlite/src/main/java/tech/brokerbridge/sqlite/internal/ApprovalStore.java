package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.brokerbridge.ports.journal.ApprovalRecord;

/** The approvals log: append-only, read oldest first (ties in the order recorded). */
final class ApprovalStore {
    private ApprovalStore() {
    }

    static void append(Connection c, ApprovalRecord a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO approvals (time_ns, proposal_id, symbol, action,"
                + " original_quantity, original_stop, original_target, modified_quantity, modified_stop,"
                + " modified_target, reason, channel, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, Values.nanos(a.time()));
            ps.setString(2, a.proposalId());
            ps.setString(3, a.symbol());
            ps.setString(4, a.action().wire());
            ps.setLong(5, a.originalQuantity());
            Values.setDouble(ps, 6, a.originalStop());
            Values.setDouble(ps, 7, a.originalTarget());
            Values.setOptionalLong(ps, 8, a.modifiedQuantity());
            Values.setOptionalDouble(ps, 9, a.modifiedStop());
            Values.setOptionalDouble(ps, 10, a.modifiedTarget());
            ps.setString(11, a.reason());
            ps.setString(12, a.channel());
            ps.setString(13, a.actor());
            ps.executeUpdate();
        }
    }

    static List<ApprovalRecord> all(Connection c) throws SQLException {
        List<ApprovalRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM approvals ORDER BY time_ns, approval_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                result.add(new ApprovalRecord(Values.instant(rs.getLong("time_ns")), rs.getString("proposal_id"),
                        rs.getString("symbol"),
                        ApprovalRecord.Action.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                        rs.getLong("original_quantity"), Values.getDouble(rs, "original_stop"),
                        Values.getDouble(rs, "original_target"), Values.getOptionalLong(rs, "modified_quantity"),
                        Values.getOptionalDouble(rs, "modified_stop"), Values.getOptionalDouble(rs, "modified_target"),
                        rs.getString("reason"), rs.getString("channel"), rs.getString("actor")));
            }
        }
        return result;
    }
}
