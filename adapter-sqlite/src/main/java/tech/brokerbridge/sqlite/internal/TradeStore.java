package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tech.brokerbridge.ports.journal.ClosedTrade;
import tech.brokerbridge.ports.journal.OpenTrade;
import tech.brokerbridge.ports.market.Direction;

/** Open trades (one row per trade while open) and closed trades (one row per trade once flat). */
final class TradeStore {
    private TradeStore() {
    }

    static void saveOpen(Connection c, OpenTrade t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO open_trades (trade_id, proposal_id,"
                + " symbol, direction, setup_type, advisor, quantity, entry_price, initial_stop, opened_at_ns)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindTrade(ps, t.tradeId(), t.proposalId(), t.symbol(), t.direction(), t.setupType(), t.advisor(),
                    t.quantity());
            Values.setDouble(ps, 8, t.entryPrice());
            Values.setDouble(ps, 9, t.initialStop());
            ps.setLong(10, Values.nanos(t.openedAt()));
            ps.executeUpdate();
        }
    }

    /** Binds the columns 1 to 7 that open and closed trades share: who, what and how many. */
    private static void bindTrade(PreparedStatement ps, String tradeId, Optional<String> proposalId, String symbol,
            Direction direction, String setupType, String advisor, long quantity) throws SQLException {
        ps.setString(1, tradeId);
        Values.setOptionalString(ps, 2, proposalId);
        ps.setString(3, symbol);
        ps.setString(4, direction.wire());
        ps.setString(5, setupType);
        ps.setString(6, advisor);
        ps.setLong(7, quantity);
    }

    static List<OpenTrade> open(Connection c) throws SQLException {
        List<OpenTrade> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM open_trades ORDER BY opened_at_ns, trade_id");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new OpenTrade(rs.getString("trade_id"), Values.getOptionalString(rs, "proposal_id"),
                        rs.getString("symbol"), Direction.fromWire(rs.getString("direction")),
                        rs.getString("setup_type"), rs.getString("advisor"), rs.getLong("quantity"),
                        Values.getDouble(rs, "entry_price"), Values.getDouble(rs, "initial_stop"),
                        Values.instant(rs.getLong("opened_at_ns"))));
            }
        }
        return out;
    }

    static void saveClosed(Connection c, ClosedTrade t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM open_trades WHERE trade_id = ?")) {
            ps.setString(1, t.tradeId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT OR REPLACE INTO closed_trades (trade_id, proposal_id,"
                + " symbol, direction, setup_type, advisor, quantity, entry_time_ns, entry_price, exit_time_ns,"
                + " exit_price, gross_pnl, commissions, initial_risk, exit_reason)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            bindTrade(ps, t.tradeId(), t.proposalId(), t.symbol(), t.direction(), t.setupType(), t.advisor(),
                    t.quantity());
            ps.setLong(8, Values.nanos(t.entryTime()));
            Values.setDouble(ps, 9, t.entryPrice());
            ps.setLong(10, Values.nanos(t.exitTime()));
            Values.setDouble(ps, 11, t.exitPrice());
            Values.setDouble(ps, 12, t.grossPnl());
            Values.setDouble(ps, 13, t.commissions());
            Values.setDouble(ps, 14, t.initialRisk());
            ps.setString(15, t.exitReason().wire());
            ps.executeUpdate();
        }
    }

    static Optional<ClosedTrade> findClosed(Connection c, String tradeId) throws SQLException {
        return closed(c, "SELECT * FROM closed_trades WHERE trade_id = ?", ps -> ps.setString(1, tradeId)).stream()
                .findFirst();
    }

    static List<ClosedTrade> closedBetween(Connection c, Instant from, Instant to) throws SQLException {
        return closed(c, "SELECT * FROM closed_trades WHERE exit_time_ns >= ? AND exit_time_ns < ?"
                + " ORDER BY exit_time_ns, trade_id", ps -> {
                    ps.setLong(1, Values.nanosClamped(from));
                    ps.setLong(2, Values.nanosClamped(to));
                });
    }

    /** Binds a query's parameters. */
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<ClosedTrade> closed(Connection c, String sql, Binder binder) throws SQLException {
        List<ClosedTrade> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ClosedTrade(rs.getString("trade_id"), Values.getOptionalString(rs, "proposal_id"),
                            rs.getString("symbol"), Direction.fromWire(rs.getString("direction")),
                            rs.getString("setup_type"), rs.getString("advisor"), rs.getLong("quantity"),
                            Values.instant(rs.getLong("entry_time_ns")), Values.getDouble(rs, "entry_price"),
                            Values.instant(rs.getLong("exit_time_ns")), Values.getDouble(rs, "exit_price"),
                            Values.getDouble(rs, "gross_pnl"), Values.getDouble(rs, "commissions"),
                            Values.getDouble(rs, "initial_risk"),
                            ClosedTrade.ExitReason.fromWire(rs.getString("exit_reason"))));
                }
            }
        }
        return out;
    }
}
