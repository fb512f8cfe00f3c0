package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import tech.brokerbridge.ports.journal.DecisionRecord;
import tech.brokerbridge.ports.market.Direction;
import tech.brokerbridge.ports.signals.Evidence;

/** Decisions with their evidence and gate results. Recording a known decision id replaces it in place. */
final class DecisionStore {
    private static final String UPSERT = "INSERT INTO decisions (decision_id, time_ns, scan_id, symbol, direction,"
            + " setup_type, evidence_strength, setup_quality, composite_score, outcome, reason, ai_verdict,"
            + " ai_conviction, thesis_summary, proposal_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (decision_id) DO UPDATE SET time_ns = excluded.time_ns, scan_id = excluded.scan_id,"
            + " symbol = excluded.symbol, direction = excluded.direction, setup_type = excluded.setup_type,"
            + " evidence_strength = excluded.evidence_strength, setup_quality = excluded.setup_quality,"
            + " composite_score = excluded.composite_score, outcome = excluded.outcome, reason = excluded.reason,"
            + " ai_verdict = excluded.ai_verdict, ai_conviction = excluded.ai_conviction,"
            + " thesis_summary = excluded.thesis_summary, proposal_id = excluded.proposal_id";

    private DecisionStore() {
    }

    static void record(Connection c, DecisionRecord d) throws SQLException {
        Sql.update(c, UPSERT, d.decisionId(), d.time(), d.scanId(), d.symbol(), d.direction().wire(), d.setupType(),
                d.evidenceStrength(), d.setupQuality(), d.compositeScore(), d.outcome(), d.reason(), d.aiVerdict(),
                d.aiConviction(), d.thesisSummary(), d.proposalId());
        Sql.update(c, "DELETE FROM decision_evidence WHERE decision_id = ?", d.decisionId());
        Sql.insertEach(c, "INSERT INTO decision_evidence (decision_id, ordinal, name, value, note)"
                + " VALUES (?, ?, ?, ?, ?)", d.evidence().size(), i -> {
                    Evidence e = d.evidence().get(i);
                    return new Object[] {d.decisionId(), i, e.name(), e.value(), e.note()};
                });
        GateRows.DECISION.replace(c, d.decisionId(), d.gates());
    }

    /** Decisions with {@code from <= time < to}, oldest first (ties in the order first recorded). */
    static List<DecisionRecord> between(Connection c, Instant from, Instant to) throws SQLException {
        return Sql.query(c, "SELECT * FROM decisions WHERE time_ns >= ? AND time_ns < ? ORDER BY time_ns, rowid",
                rs -> row(c, rs), Values.nanosClamped(from), Values.nanosClamped(to));
    }

    private static DecisionRecord row(Connection c, ResultSet rs) throws SQLException {
        String id = rs.getString("decision_id");
        return new DecisionRecord(id, Values.instant(rs.getLong("time_ns")), rs.getString("scan_id"),
                rs.getString("symbol"), Direction.fromWire(rs.getString("direction")), rs.getString("setup_type"),
                evidence(c, id), Values.getDouble(rs, "evidence_strength"), Values.getDouble(rs, "setup_quality"),
                Values.getDouble(rs, "composite_score"), rs.getString("outcome"), rs.getString("reason"),
                Values.getOptionalString(rs, "ai_verdict"), Values.getOptionalDouble(rs, "ai_conviction"),
                Values.getOptionalString(rs, "thesis_summary"), GateRows.DECISION.load(c, id),
                Values.getOptionalString(rs, "proposal_id"));
    }

    private static List<Evidence> evidence(Connection c, String decisionId) throws SQLException {
        return Sql.query(c, "SELECT name, value, note FROM decision_evidence WHERE decision_id = ? ORDER BY ordinal",
                rs -> new Evidence(rs.getString("name"), Values.getDouble(rs, "value"), rs.getString("note")),
                decisionId);
    }
}
