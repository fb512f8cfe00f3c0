package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tech.brokerbridge.ports.advisor.AiExchange;

/** The AI audit: every exchange with an AI provider, append-only, read newest first. */
final class AuditStore {
    private AuditStore() {
    }

    static void append(Connection c, AiExchange x) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ai_audit (time_ns, provider, model, url,"
                + " request_body, status, response_body, latency_ns, input_tokens, output_tokens)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, Values.nanos(x.time()));
            ps.setString(2, x.provider());
            ps.setString(3, x.model());
            ps.setString(4, x.url());
            ps.setString(5, x.requestBody());
            ps.setInt(6, x.status());
            ps.setString(7, x.responseBody());
            ps.setLong(8, Values.nanos(x.latency()));
            Values.setOptionalLong(ps, 9, x.inputTokens());
            Values.setOptionalLong(ps, 10, x.outputTokens());
            ps.executeUpdate();
        }
    }

    /** Newest first (ties: the last recorded first). */
    static List<AiExchange> newest(Connection c, int limit) throws SQLException {
        List<AiExchange> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM ai_audit ORDER BY time_ns DESC, audit_id DESC LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new AiExchange(Values.instant(rs.getLong("time_ns")), rs.getString("provider"),
                            rs.getString("model"), rs.getString("url"), rs.getString("request_body"),
                            rs.getInt("status"), rs.getString("response_body"),
                            Duration.ofNanos(rs.getLong("latency_ns")), Values.getOptionalLong(rs, "input_tokens"),
                            Values.getOptionalLong(rs, "output_tokens")));
                }
            }
        }
        return result;
    }
}
