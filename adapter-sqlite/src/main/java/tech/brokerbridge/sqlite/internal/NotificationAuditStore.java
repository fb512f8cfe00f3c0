package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import tech.brokerbridge.ports.journal.NotificationExchange;

/** The notification audit: what left the machine for a notification channel, append-only, read newest first. */
final class NotificationAuditStore {
    private NotificationAuditStore() {
    }

    static void append(Connection c, NotificationExchange x) throws SQLException {
        Sql.update(c, "INSERT INTO notification_audit (time_ns, channel, destination, event, body, outcome, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", x.time(), x.channel(), x.destination(), x.event(), x.body(),
                x.outcome().wire(), x.detail());
    }

    /** Newest first (ties: the last recorded first). */
    static List<NotificationExchange> newest(Connection c, int limit) throws SQLException {
        return Sql.query(c, "SELECT * FROM notification_audit ORDER BY time_ns DESC, audit_id DESC LIMIT ?",
                rs -> new NotificationExchange(Values.instant(rs.getLong("time_ns")), rs.getString("channel"),
                        rs.getString("destination"), rs.getString("event"), rs.getString("body"),
                        NotificationExchange.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                        rs.getString("detail")),
                limit);
    }
}
