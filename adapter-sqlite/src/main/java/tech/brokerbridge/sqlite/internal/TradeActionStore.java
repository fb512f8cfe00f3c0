package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import tech.brokerbridge.ports.broker.TrailingStop;
import tech.brokerbridge.ports.journal.TradeAction;

/** Actions on trades, one row each, in the order recorded ({@code action_seq}). */
final class TradeActionStore {
    private static final String COLUMNS = "action_id, kind, idempotency_key, symbol, order_ref, placed_ref, quantity,"
            + " limit_price, stop_price, target_price, trailing_kind, trailing_value, reason, state, broker_order_id,"
            + " message, created_at_ns, updated_at_ns";

    private TradeActionStore() {
    }

    static boolean exists(Connection c, TradeAction a) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM trade_actions WHERE action_id = ? OR idempotency_key = ?")) {
            ps.setString(1, a.actionId());
            Values.setOptionalString(ps, 2, a.idempotencyKey());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** Inserts, or replaces the row with the same action id (keeping its place in the order recorded). */
    static void save(Connection c, TradeAction a) throws SQLException {
        String sql = "INSERT INTO trade_actions (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?, ?) ON CONFLICT (action_id) DO UPDATE SET kind = excluded.kind,"
                + " idempotency_key = excluded.idempotency_key, symbol = excluded.symbol,"
                + " order_ref = excluded.order_ref, placed_ref = excluded.placed_ref, quantity = excluded.quantity,"
                + " limit_price = excluded.limit_price, stop_price = excluded.stop_price,"
                + " target_price = excluded.target_price, trailing_kind = excluded.trailing_kind,"
                + " trailing_value = excluded.trailing_value, reason = excluded.reason, state = excluded.state,"
                + " broker_order_id = excluded.broker_order_id, message = excluded.message,"
                + " created_at_ns = excluded.created_at_ns, updated_at_ns = excluded.updated_at_ns";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            TradeAction.Request r = a.request();
            ps.setString(1, a.actionId());
            ps.setString(2, a.kind().wire());
            Values.setOptionalString(ps, 3, a.idempotencyKey());
            ps.setString(4, a.symbol());
            Values.setOptionalString(ps, 5, a.orderRef());
            Values.setOptionalString(ps, 6, a.placedRef());
            Values.setOptionalLong(ps, 7, r.quantity());
            Values.setOptionalDouble(ps, 8, r.limitPrice());
            Values.setOptionalDouble(ps, 9, r.stopPrice());
            Values.setOptionalDouble(ps, 10, r.targetPrice());
            Values.setOptionalString(ps, 11, r.trailing().map(t -> t.kind().wire()));
            Values.setOptionalDouble(ps, 12, r.trailing().isPresent()
                    ? java.util.OptionalDouble.of(r.trailing().get().value()) : java.util.OptionalDouble.empty());
            ps.setString(13, a.reason());
            ps.setString(14, a.state().wire());
            Values.setOptionalString(ps, 15, a.brokerOrderId());
            ps.setString(16, a.message());
            ps.setLong(17, Values.nanos(a.createdAt()));
            ps.setLong(18, Values.nanos(a.updatedAt()));
            ps.executeUpdate();
        }
    }

    static Optional<TradeAction> findBy(Connection c, String column, String value) throws SQLException {
        return query(c, "SELECT * FROM trade_actions WHERE " + column + " = ?", List.of(value)).stream().findFirst();
    }

    static List<TradeAction> withState(Connection c, Collection<TradeAction.State> states) throws SQLException {
        if (states.isEmpty()) {
            return List.of();
        }
        String marks = states.stream().map(s -> "?").collect(Collectors.joining(", "));
        return query(c, "SELECT * FROM trade_actions WHERE state IN (" + marks + ") ORDER BY created_at_ns, action_seq",
                states.stream().map(TradeAction.State::wire).toList());
    }

    static List<TradeAction> of(Connection c, String orderRef) throws SQLException {
        return query(c, "SELECT * FROM trade_actions WHERE order_ref = ? ORDER BY created_at_ns, action_seq",
                List.of(orderRef));
    }

    private static List<TradeAction> query(Connection c, String sql, List<String> args) throws SQLException {
        List<TradeAction> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    private static TradeAction read(ResultSet rs) throws SQLException {
        Optional<String> trailKind = Values.getOptionalString(rs, "trailing_kind");
        Optional<TrailingStop> trailing = trailKind.isEmpty() ? Optional.empty()
                : Optional.of(new TrailingStop(TrailingStop.Kind.valueOf(trailKind.get().toUpperCase(
                        java.util.Locale.ROOT)), Values.getDouble(rs, "trailing_value")));
        TradeAction.Request request = new TradeAction.Request(Values.getOptionalLong(rs, "quantity"),
                Values.getOptionalDouble(rs, "limit_price"), Values.getOptionalDouble(rs, "stop_price"),
                Values.getOptionalDouble(rs, "target_price"), trailing);
        return new TradeAction(rs.getString("action_id"), TradeAction.Kind.fromWire(rs.getString("kind")),
                Values.getOptionalString(rs, "idempotency_key"), rs.getString("symbol"),
                Values.getOptionalString(rs, "order_ref"), Values.getOptionalString(rs, "placed_ref"), request,
                rs.getString("reason"), TradeAction.State.fromWire(rs.getString("state")),
                Values.getOptionalString(rs, "broker_order_id"), rs.getString("message"),
                Values.instant(rs.getLong("created_at_ns")), Values.instant(rs.getLong("updated_at_ns")));
    }
}
