package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tech.brokerbridge.ports.journal.NotificationExchange;

/** The notification audit: what left the machine for a notification channel, append-only, read newest first. */
final class NotificationAuditStore {
    private NotificationAuditStore() {
    }

    static void append(Connection c, NotificationExchange x) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO notification_audit (time_ns, channel, destination,"
                + " event, body, outcome, detail) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, Values.nanos(x.time()));
            ps.setString(2, x.channel());
            ps.setString(3, x.destination());
            ps.setString(4, x.event());
            ps.setString(5, x.body());
            ps.setString(6, x.outcome().wire());
            ps.setString(7, x.detail());
            ps.executeUpdate();
        }
    }

    /** Newest first (ties: the last recorded first). */
    static List<NotificationExchange> newest(Connection c, int limit) throws SQLException {
        List<NotificationExchange> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM notification_audit ORDER BY time_ns DESC, audit_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new NotificationExchange(Values.instant(rs.getLong("time_ns")), rs.getString("channel"),
                            rs.getString("destination"), rs.getString("event"), rs.getString("body"),
                            NotificationExchange.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                            rs.getString("detail")));
                }
            }
        }
        return result;
    }
}
