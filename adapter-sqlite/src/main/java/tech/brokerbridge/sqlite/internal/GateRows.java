package tech.brokerbridge.sqlite.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
        select = "SELECT g.ordinal, g.gate, g.passed, g.reason, v.name, v.value FROM " + gates + " g LEFT JOIN "
                + values + " v ON v." + id + " = g." + id + " AND v.gate_ordinal = g.ordinal WHERE g." + id
                + " = ? ORDER BY g.ordinal, v.ordinal";
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
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setString(1, ownerId);
            try (ResultSet rs = ps.executeQuery()) {
                List<GateResult> results = new ArrayList<>();
                int ordinal = -1;
                String gate = null;
                boolean passed = false;
                String reason = null;
                Map<String, Double> compared = new LinkedHashMap<>();
                while (rs.next()) {
                    int o = rs.getInt("ordinal");
                    if (o != ordinal) {
                        if (gate != null) {
                            results.add(new GateResult(gate, passed, compared, reason));
                        }
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
                    results.add(new GateResult(gate, passed, compared, reason));
                }
                return results;
            }
        }
    }
}
