package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
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
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            ps.setString(1, d.decisionId());
            ps.setLong(2, Values.nanos(d.time()));
            ps.setString(3, d.scanId());
            ps.setString(4, d.symbol());
            ps.setString(5, d.direction().wire());
            ps.setString(6, d.setupType());
            Values.setDouble(ps, 7, d.evidenceStrength());
            Values.setDouble(ps, 8, d.setupQuality());
            Values.setDouble(ps, 9, d.compositeScore());
            ps.setString(10, d.outcome());
            ps.setString(11, d.reason());
            Values.setOptionalString(ps, 12, d.aiVerdict());
            Values.setOptionalDouble(ps, 13, d.aiConviction());
            Values.setOptionalString(ps, 14, d.thesisSummary());
            Values.setOptionalString(ps, 15, d.proposalId());
            ps.executeUpdate();
        }
        replaceEvidence(c, d);
        GateRows.DECISION.replace(c, d.decisionId(), d.gates());
    }

    private static void replaceEvidence(Connection c, DecisionRecord d) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM decision_evidence WHERE decision_id = ?")) {
            ps.setString(1, d.decisionId());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_evidence"
                + " (decision_id, ordinal, name, value, note) VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < d.evidence().size(); i++) {
                Evidence e = d.evidence().get(i);
                ps.setString(1, d.decisionId());
                ps.setInt(2, i);
                ps.setString(3, e.name());
                Values.setDouble(ps, 4, e.value());
                ps.setString(5, e.note());
                ps.executeUpdate();
            }
        }
    }

    /** Decisions with {@code from <= time < to}, oldest first (ties in the order first recorded). */
    static List<DecisionRecord> between(Connection c, Instant from, Instant to) throws SQLException {
        List<DecisionRecord> result = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM decisions WHERE time_ns >= ? AND time_ns < ? ORDER BY time_ns, rowid")) {
            ps.setLong(1, Values.nanosClamped(from));
            ps.setLong(2, Values.nanosClamped(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(row(c, rs));
                }
            }
        }
        return result;
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
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, value, note FROM decision_evidence WHERE decision_id = ? ORDER BY ordinal")) {
            ps.setString(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                List<Evidence> evidence = new ArrayList<>();
                while (rs.next()) {
                    evidence.add(new Evidence(rs.getString("name"), Values.getDouble(rs, "value"), rs.getString("note")));
                }
                return evidence;
            }
        }
    }
}
