package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.brokerbridge.ports.journal.GateResult;

/**
 * Gate results of one owner (a proposal or a decision) as normalized rows: {@code <owner>_gates}, one
 * row per gate, and {@code <owner>_gate_values}, one row per compared number, both in order.
 */
final class GateRows {
    static final GateRows PROPOSAL = new GateRows("proposal");
    static final GateRows DECISION = new GateRows("decision");

    private final String deleteValues;
    private final String deleteGates;
    private final String insertGate;
    private final String insertValue;
    private final String select;

    private GateRows(String owner) {
        String id = owner + "_id";
        String gates = owner + "_gates";
        String values = owner + "_gate_values";
        deleteValues = "DELETE FROM " + values + " WHERE " + id + " = ?";
        deleteGates = "DELETE FROM " + gates + " WHERE " + id + " = ?";
        insertGate = "INSERT INTO " + gates + " (" + id + ", ordinal, gate, passed, reason) VALUES (?, ?, ?, ?, ?)";
        insertValue = "INSERT INTO " + values + " (" + id + ", gate_ordinal, ordinal, name, value) VALUES (?, ?, ?, ?, ?)";
        select = "SELECT g." + id + " AS owner, g.ordinal, g.gate, g.passed, g.reason, v.name, v.value FROM " + gates
                + " g LEFT JOIN " + values + " v ON v." + id + " = g." + id + " AND v.gate_ordinal = g.ordinal WHERE g."
                + id + " IN (%s) ORDER BY g." + id + ", g.ordinal, v.ordinal";
    }

    void replace(Connection c, String ownerId, List<GateResult> results) throws SQLException {
        for (String delete : List.of(deleteValues, deleteGates)) {
            try (PreparedStatement ps = c.prepareStatement(delete)) {
                ps.setString(1, ownerId);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement gate = c.prepareStatement(insertGate);
                PreparedStatement value = c.prepareStatement(insertValue)) {
            for (int g = 0; g < results.size(); g++) {
                GateResult r = results.get(g);
                gate.setString(1, ownerId);
                gate.setInt(2, g);
                gate.setString(3, r.gate());
                gate.setInt(4, r.passed() ? 1 : 0);
                gate.setString(5, r.reason());
                gate.executeUpdate();
                int v = 0;
                for (Map.Entry<String, Double> e : r.compared().entrySet()) {
                    value.setString(1, ownerId);
                    value.setInt(2, g);
                    value.setInt(3, v++);
                    value.setString(4, e.getKey());
                    Values.setDouble(value, 5, e.getValue());
                    value.executeUpdate();
                }
            }
        }
    }

    List<GateResult> load(Connection c, String ownerId) throws SQLException {
        return loadAll(c, List.of(ownerId)).getOrDefault(ownerId, List.of());
    }

    /**
     * The gate results of each of {@code ownerIds} (owners without any are left out), read in one query per
     * {@value Sql#IN_CHUNK} owners rather than one per owner.
     */
    Map<String, List<GateResult>> loadAll(Connection c, List<String> ownerIds) throws SQLException {
        Map<String, List<GateResult>> all = new HashMap<>();
        for (List<String> chunk : Sql.chunks(ownerIds)) {
            try (PreparedStatement ps = c.prepareStatement(String.format(select, Sql.marks(chunk.size())))) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    read(rs, all);
                }
            }
        }
        return all;
    }

    /** Rows ordered by owner, gate and value: one {@link GateResult} per (owner, gate). */
    private static void read(ResultSet rs, Map<String, List<GateResult>> into) throws SQLException {
        String owner = null;
        int ordinal = -1;
        String gate = null;
        boolean passed = false;
        String reason = null;
        Map<String, Double> compared = new LinkedHashMap<>();
        while (rs.next()) {
            String w = rs.getString("owner");
            int o = rs.getInt("ordinal");
            if (!w.equals(owner) || o != ordinal) {
                if (gate != null) {
                    into.computeIfAbsent(owner, k -> new ArrayList<>()).add(new GateResult(gate, passed, compared, reason));
                }
                owner = w;
                ordinal = o;
                gate = rs.getString("gate");
                passed = rs.getInt("passed") == 1;
                reason = rs.getString("reason");
                compared = new LinkedHashMap<>();
            }
            String name = rs.getString("name");
            if (name != null) {
                compared.put(name, Values.getDouble(rs, "value"));
            }
        }
        if (gate != null) {
            into.computeIfAbsent(owner, k -> new ArrayList<>()).add(new GateResult(gate, passed, compared, reason));
        }
    }
}
