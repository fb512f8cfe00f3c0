package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import tech.brokerbridge.ports.advisor.AiExchange;

/** The AI audit: every exchange with an AI provider, append-only, read newest first. */
final class AuditStore {
    private AuditStore() {
    }

    static void append(Connection c, AiExchange x) throws SQLException {
        Sql.update(c, "INSERT INTO ai_audit (time_ns, provider, model, url, request_body, status, response_body,"
                + " latency_ns, input_tokens, output_tokens) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", x.time(),
                x.provider(), x.model(), x.url(), x.requestBody(), x.status(), x.responseBody(), x.latency(),
                x.inputTokens(), x.outputTokens());
    }

    /** Newest first (ties: the last recorded first). */
    static List<AiExchange> newest(Connection c, int limit) throws SQLException {
        return Sql.query(c, "SELECT * FROM ai_audit ORDER BY time_ns DESC, audit_id DESC LIMIT ?",
                rs -> new AiExchange(Values.instant(rs.getLong("time_ns")), rs.getString("provider"),
                        rs.getString("model"), rs.getString("url"), rs.getString("request_body"), rs.getInt("status"),
                        rs.getString("response_body"), Duration.ofNanos(rs.getLong("latency_ns")),
                        Values.getOptionalLong(rs, "input_tokens"), Values.getOptionalLong(rs, "output_tokens")),
                limit);
    }
}
