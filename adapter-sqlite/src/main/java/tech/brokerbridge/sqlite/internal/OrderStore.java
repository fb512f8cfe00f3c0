package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import tech.brokerbridge.ports.journal.OrderRecord;
import tech.brokerbridge.ports.market.Direction;

/** Order records, one per order ref, with the broker's order ids in order. */
final class OrderStore {
    private static final String UPSERT = "INSERT INTO orders (order_ref, symbol, direction, quantity, entry_price,"
            + " stop_price, target_price, state, message, created_at_ns, updated_at_ns)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (order_ref) DO UPDATE SET symbol = excluded.symbol, direction = excluded.direction,"
            + " quantity = excluded.quantity, entry_price = excluded.entry_price, stop_price = excluded.stop_price,"
            + " target_price = excluded.target_price, state = excluded.state, message = excluded.message,"
            + " created_at_ns = excluded.created_at_ns, updated_at_ns = excluded.updated_at_ns";

    private OrderStore() {
    }

    static void save(Connection c, OrderRecord o) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, o.orderRef());
            ps.setString(2, o.symbol());
            ps.setString(3, o.direction().wire());
            ps.setLong(4, o.quantity());
            Values.setDouble(ps, 5, o.entryPrice());
            Values.setDouble(ps, 6, o.stopPrice());
            Values.setDouble(ps, 7, o.targetPrice());
            ps.setString(8, o.state().wire());
            ps.setString(9, o.message());
            ps.setLong(10, Values.nanos(o.createdAt()));
            ps.setLong(11, Values.nanos(o.updatedAt()));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM order_broker_ids WHERE order_ref = ?")) {
            ps.setString(1, o.orderRef());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO order_broker_ids (order_ref, ordinal, broker_order_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < o.brokerOrderIds().size(); i++) {
                ps.setString(1, o.orderRef());
                ps.setInt(2, i);
                ps.setString(3, o.brokerOrderIds().get(i));
                ps.executeUpdate();
            }
        }
    }

    static Optional<OrderRecord> find(Connection c, String orderRef) throws SQLException {
        return query(c, "SELECT * FROM orders WHERE order_ref = ?", orderRef).stream().findFirst();
    }

    /** Newest first by creation time, then by order ref (descending). */
    static List<OrderRecord> newest(Connection c, int limit) throws SQLException {
        return query(c, "SELECT * FROM orders ORDER BY created_at_ns DESC, order_ref DESC LIMIT ?", limit);
    }

    private static List<OrderRecord> query(Connection c, String sql, Object arg) throws SQLException {
        List<OrderRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ref = rs.getString("order_ref");
                    result.add(new OrderRecord(ref, rs.getString("symbol"), Direction.fromWire(rs.getString("direction")),
                            rs.getLong("quantity"), Values.getDouble(rs, "entry_price"),
                            Values.getDouble(rs, "stop_price"), Values.getDouble(rs, "target_price"),
                            OrderRecord.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)),
                            brokerIds(c, ref), rs.getString("message"), Values.instant(rs.getLong("created_at_ns")),
                            Values.instant(rs.getLong("updated_at_ns"))));
                }
            }
        }
        return result;
    }

    private static List<String> brokerIds(Connection c, String orderRef) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT broker_order_id FROM order_broker_ids WHERE order_ref = ? ORDER BY ordinal")) {
            ps.setString(1, orderRef);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
                return ids;
            }
        }
    }
}
