package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
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
        Sql.update(c, UPSERT, o.orderRef(), o.symbol(), o.direction().wire(), o.quantity(), o.entryPrice(),
                o.stopPrice(), o.targetPrice(), o.state().wire(), o.message(), o.createdAt(), o.updatedAt());
        Sql.update(c, "DELETE FROM order_broker_ids WHERE order_ref = ?", o.orderRef());
        Sql.insertEach(c, "INSERT INTO order_broker_ids (order_ref, ordinal, broker_order_id) VALUES (?, ?, ?)",
                o.brokerOrderIds().size(), i -> new Object[] {o.orderRef(), i, o.brokerOrderIds().get(i)});
    }

    static Optional<OrderRecord> find(Connection c, String orderRef) throws SQLException {
        return query(c, "SELECT * FROM orders WHERE order_ref = ?", orderRef).stream().findFirst();
    }

    /** Newest first by creation time, then by order ref (descending). */
    static List<OrderRecord> newest(Connection c, int limit) throws SQLException {
        return query(c, "SELECT * FROM orders ORDER BY created_at_ns DESC, order_ref DESC LIMIT ?", limit);
    }

    private static List<OrderRecord> query(Connection c, String sql, Object arg) throws SQLException {
        return Sql.query(c, sql, rs -> {
            String ref = rs.getString("order_ref");
            return new OrderRecord(ref, rs.getString("symbol"), Direction.fromWire(rs.getString("direction")),
                    rs.getLong("quantity"), Values.getDouble(rs, "entry_price"), Values.getDouble(rs, "stop_price"),
                    Values.getDouble(rs, "target_price"),
                    OrderRecord.State.valueOf(rs.getString("state").toUpperCase(Locale.ROOT)), brokerIds(c, ref),
                    rs.getString("message"), Values.instant(rs.getLong("created_at_ns")),
                    Values.instant(rs.getLong("updated_at_ns")));
        }, arg);
    }

    private static List<String> brokerIds(Connection c, String orderRef) throws SQLException {
        return Sql.query(c, "SELECT broker_order_id FROM order_broker_ids WHERE order_ref = ? ORDER BY ordinal",
                rs -> rs.getString(1), orderRef);
    }
}
