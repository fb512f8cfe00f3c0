package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.brokerbridge.ports.broker.OrderLeg;
import tech.brokerbridge.ports.journal.FillRecord;

/** Fills, unique by execution id: the first record of an execution wins. */
final class FillStore {
    private FillStore() {
    }

    /** True when stored, false when this execution id was already there. */
    static boolean record(Connection c, FillRecord f) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO fills (execution_id, order_ref, leg, symbol,"
                + " quantity, price, time_ns, commission) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (execution_id) DO NOTHING")) {
            ps.setString(1, f.executionId());
            ps.setString(2, f.orderRef());
            ps.setString(3, f.leg().wire());
            ps.setString(4, f.symbol());
            ps.setLong(5, f.quantity());
            Values.setDouble(ps, 6, f.price());
            ps.setLong(7, Values.nanos(f.time()));
            Values.setOptionalDouble(ps, 8, f.commission());
            return ps.executeUpdate() == 1;
        }
    }

    /** True when a fill with this execution id was there to take the commission. */
    static boolean commission(Connection c, String executionId, double commission) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE fills SET commission = ? WHERE execution_id = ?")) {
            Values.setDouble(ps, 1, commission);
            ps.setString(2, executionId);
            return ps.executeUpdate() == 1;
        }
    }

    /** Fills of one order ref, oldest first (ties in the order recorded). */
    static List<FillRecord> of(Connection c, String orderRef) throws SQLException {
        List<FillRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM fills WHERE order_ref = ? ORDER BY time_ns, fill_id")) {
            ps.setString(1, orderRef);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new FillRecord(rs.getString("execution_id"), rs.getString("order_ref"),
                            OrderLeg.valueOf(rs.getString("leg").toUpperCase(Locale.ROOT)), rs.getString("symbol"),
                            rs.getLong("quantity"), Values.getDouble(rs, "price"),
                            Values.instant(rs.getLong("time_ns")), Values.getOptionalDouble(rs, "commission")));
                }
            }
        }
        return result;
    }
}
